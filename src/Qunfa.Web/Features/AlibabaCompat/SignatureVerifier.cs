using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Signing;
using Qunfa.Web.Data;
using Qunfa.Web.Features.ApiKeys;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>
/// Authenticates a call signed with a customer's API key exactly as Alibaba's gateway would: V1 (HMAC-SHA1
/// over the query and form parameters) or V3 (ACS3-HMAC-SHA256 in the Authorization header), a timestamp
/// within 15 minutes and a nonce used only once. The canonical URI is always "/", whatever path the call used.
/// </summary>
public sealed class SignatureVerifier(ApiKeyService keys, ApiNonceStore nonces, QunfaDbContext db, TimeProvider time)
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private static readonly string[] V1Required = ["AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"];
    private static readonly string[] V3Required = ["x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"];

    public sealed record Verified(ApiCredential? Credential, CompatResult? Error);

    public Task<Verified> VerifyAsync(CompatRequest request, CancellationToken ct) =>
        request.IsV3 ? VerifyV3Async(request, ct) : VerifyV1Async(request, ct);

    private async Task<Verified> VerifyV1Async(CompatRequest request, CancellationToken ct)
    {
        foreach (var name in V1Required)
            if (string.IsNullOrEmpty(request.Get(name))) return Fail(CompatResult.Missing(name));
        if (request.Get("SignatureMethod") != RpcSignatureV1.SignatureMethod)
            return Fail(CompatResult.Gateway(400, "InvalidSignatureMethod", "Specified signature method is not valid."));
        if (request.Get("SignatureVersion") != RpcSignatureV1.SignatureVersion)
            return Fail(CompatResult.Gateway(400, "InvalidSignatureVersion", "Specified signature version is not valid."));
        var (credential, keyError) = await ResolveAsync(request.Get("AccessKeyId")!, ct);
        if (keyError is not null) return Fail(keyError);
        var (timestamp, timeError) = CheckTimestamp(request.Get("Timestamp")!);
        if (timeError is not null) return Fail(timeError);

        var stringToSign = RpcSignatureV1.StringToSign(request.Method, RpcSignatureV1.CanonicalizedQueryString(request.All));
        if (!FixedEquals(RpcSignatureV1.Sign(stringToSign, credential!.Secret), request.Get("Signature")!))
            return Fail(SignatureMismatch(stringToSign));
        return await UseNonceAsync(credential, request.Get("SignatureNonce")!, timestamp, ct);
    }

    private async Task<Verified> VerifyV3Async(CompatRequest request, CancellationToken ct)
    {
        var headers = request.Headers;
        foreach (var name in V3Required)
            if (string.IsNullOrEmpty(headers[name])) return Fail(CompatResult.Gateway(400, "Missing" + name, name + " header is mandatory for this action."));
        if (!TryParseAuthorization(headers.Authorization.ToString(), out var accessKeyId, out var signedNames, out var signature))
            return Fail(CompatResult.Gateway(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards."));
        var signedSet = signedNames.ToHashSet(StringComparer.Ordinal);
        var unsigned = headers.Keys.Select(k => k.ToLowerInvariant())
            .FirstOrDefault(k => (k == "host" || k.StartsWith("x-acs-", StringComparison.Ordinal)) && !signedSet.Contains(k));
        if (unsigned is not null || !signedNames.SequenceEqual(signedNames.Order(StringComparer.Ordinal)))
            return Fail(CompatResult.Gateway(400, "IncompleteSignature",
                "The request signature does not conform to Aliyun standards: SignedHeaders must be lower-case, sorted and cover host and every x-acs-* header"
                + (unsigned is null ? "." : $" ({unsigned} is missing).")));
        var (credential, keyError) = await ResolveAsync(accessKeyId, ct);
        if (keyError is not null) return Fail(keyError);
        var (timestamp, timeError) = CheckTimestamp(headers["x-acs-date"].ToString());
        if (timeError is not null) return Fail(timeError);

        var signedHeaders = signedNames
            .Select(name => new KeyValuePair<string, string>(name, (name == "host" ? request.Host : headers[name].ToString()).Trim()))
            .ToList();
        var canonical = AcsSignatureV3.CanonicalRequest(request.Method, CanonicalQuery.Build(request.Query), signedHeaders, AcsSignatureV3.HashPayload(request.Body));
        var stringToSign = AcsSignatureV3.StringToSign(canonical);
        if (!FixedEquals(AcsSignatureV3.Sign(stringToSign, credential!.Secret), signature))
            return Fail(SignatureMismatch(stringToSign));
        return await UseNonceAsync(credential, headers["x-acs-signature-nonce"].ToString(), timestamp, ct);
    }

    private async Task<(ApiCredential? Credential, CompatResult? Error)> ResolveAsync(string accessKeyId, CancellationToken ct)
    {
        if (await keys.ResolveAsync(accessKeyId, ct) is { } credential) return (credential, null);
        // A revoked key, or a 子账号's whose membership is not active, is a disabled key to Alibaba's SDKs, not an unknown one.
        var revoked = accessKeyId.Length <= 32 && await db.ApiKeys.AnyAsync(k => k.AccessKeyId == accessKeyId && (k.RevokedAt != null || k.MemberId != null), ct);
        return (null, revoked
            ? CompatResult.Gateway(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.")
            : CompatResult.Gateway(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."));
    }

    private (DateTimeOffset Timestamp, CompatResult? Error) CheckTimestamp(string value)
    {
        if (!DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp))
            return (default, CompatResult.Gateway(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."));
        if ((time.GetUtcNow() - timestamp).Duration() > MaxClockSkew)
            return (default, CompatResult.Gateway(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."));
        return (timestamp, null);
    }

    private async Task<Verified> UseNonceAsync(ApiCredential credential, string nonce, DateTimeOffset timestamp, CancellationToken ct)
    {
        // Past timestamp + skew the request is refused for its time, so the nonce need not be remembered longer.
        if (!await nonces.TryUseAsync(credential.AccessKeyId, nonce, timestamp + MaxClockSkew, ct))
            return Fail(CompatResult.Gateway(400, "SignatureNonceUsed", "Specified signature nonce was used already."));
        await TouchAsync(credential, ct);
        return new Verified(credential, null);
    }

    /// <summary>最近使用 of the key, written at most once a minute per key.</summary>
    private async Task TouchAsync(ApiCredential credential, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var before = now - LastUsedResolution;
        await db.ApiKeys.Where(k => k.Id == credential.KeyId && (k.LastUsedAt == null || k.LastUsedAt < before))
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now), ct);
    }

    private static CompatResult SignatureMismatch(string stringToSign) =>
        CompatResult.Gateway(400, "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation. server string to sign is:" + stringToSign);

    private static bool FixedEquals(string expected, string actual) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(actual));

    private static Verified Fail(CompatResult error) => new(null, error);

    private static bool TryParseAuthorization(string header, out string accessKeyId, out IReadOnlyList<string> signedHeaders, out string signature)
    {
        accessKeyId = signature = "";
        signedHeaders = [];
        string? credential = null, names = null, sig = null;
        foreach (var part in header[AcsSignatureV3.Algorithm.Length..].Split(','))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) return false;
            var value = part[(eq + 1)..].Trim();
            switch (part[..eq].Trim())
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": names = value; break;
                case "Signature": sig = value; break;
            }
        }
        if (string.IsNullOrEmpty(credential) || string.IsNullOrEmpty(names) || string.IsNullOrEmpty(sig)) return false;
        accessKeyId = credential;
        signedHeaders = names.Split(';');
        signature = sig;
        return true;
    }
}
