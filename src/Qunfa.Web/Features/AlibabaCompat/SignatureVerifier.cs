using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Signing;
using Qunfa.Web.Data;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.HttpApi;
using Qunfa.Web.Features.Sending.Checks;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>
/// Authenticates a call signed with a customer's API key exactly as Alibaba's gateway would: V1 (HMAC-SHA1
/// over the query and form parameters) or V3 (ACS3-HMAC-SHA256 in the Authorization header), a timestamp
/// within 15 minutes and a nonce used only once. The canonical URI is always "/", whatever path the call used.
/// For a send whose key is cached, the key's currency and the nonce are left to the send's write (docs/decisions/0015):
/// the credential carries its <see cref="ApiCredential.WriteCheck"/>, and <see cref="CompleteAsync"/> makes them
/// whenever the write did not.
/// </summary>
public sealed class SignatureVerifier(ApiKeyService keys, ApiNonceStore nonces, SendingStates states, ApiKeyUsage usage, QunfaDbContext db, TimeProvider time)
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);
    private static readonly string[] V1Required = ["AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp"];
    private static readonly string[] V3Required = ["x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"];

    public sealed record Verified(ApiCredential? Credential, CompatResult? Error);

    /// <param name="checksInTheWrite">The call ends in a send, whose write can make the checks that need the database.</param>
    public Task<Verified> VerifyAsync(CompatRequest request, bool checksInTheWrite, CancellationToken ct) =>
        request.IsV3 ? VerifyV3Async(request, checksInTheWrite, ct) : VerifyV1Async(request, checksInTheWrite, ct);

    /// <summary>The checks a send's write did not make (it was refused before, or they failed there), made as for any call.</summary>
    public async Task<Verified> CompleteAsync(ApiCredential deferred, CancellationToken ct)
    {
        var check = deferred.WriteCheck ?? throw new InvalidOperationException("Nothing was left to check.");
        var (credential, keyError) = await ResolveAsync(deferred.AccessKeyId, ct);
        if (keyError is not null) return Fail(keyError);
        if (!check.Passed && !await nonces.TryUseAsync(credential!.AccessKeyId, check.Nonce, check.NonceExpiresAt, ct)) return Fail(NonceUsed);
        return new Verified(credential, null);
    }

    private async Task<Verified> VerifyV1Async(CompatRequest request, bool checksInTheWrite, CancellationToken ct)
    {
        foreach (var name in V1Required)
            if (string.IsNullOrEmpty(request.Get(name))) return Fail(CompatResult.Missing(name));
        if (request.Get("SignatureMethod") != RpcSignatureV1.SignatureMethod)
            return Fail(CompatResult.Gateway(400, "InvalidSignatureMethod", "Specified signature method is not valid."));
        if (request.Get("SignatureVersion") != RpcSignatureV1.SignatureVersion)
            return Fail(CompatResult.Gateway(400, "InvalidSignatureVersion", "Specified signature version is not valid."));
        var (credential, cached, keyError) = await KeyAsync(request.Get("AccessKeyId")!, checksInTheWrite, ct);
        if (keyError is not null) return Fail(keyError);
        var (timestamp, timeError) = CheckTimestamp(request.Get("Timestamp")!);
        if (timeError is not null) return Fail(timeError);

        var stringToSign = RpcSignatureV1.StringToSign(request.Method, RpcSignatureV1.CanonicalizedQueryString(request.All));
        if (!FixedEquals(RpcSignatureV1.Sign(stringToSign, credential!.Secret), request.Get("Signature")!))
            return await MismatchAsync(credential, cached, stringToSign, ct);
        return await UseNonceAsync(credential, cached, request.Get("SignatureNonce")!, timestamp, ct);
    }

    private async Task<Verified> VerifyV3Async(CompatRequest request, bool checksInTheWrite, CancellationToken ct)
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
        var (credential, cached, keyError) = await KeyAsync(accessKeyId, checksInTheWrite, ct);
        if (keyError is not null) return Fail(keyError);
        var (timestamp, timeError) = CheckTimestamp(headers["x-acs-date"].ToString());
        if (timeError is not null) return Fail(timeError);

        var signedHeaders = signedNames
            .Select(name => new KeyValuePair<string, string>(name, (name == "host" ? request.Host : headers[name].ToString()).Trim()))
            .ToList();
        var canonical = AcsSignatureV3.CanonicalRequest(request.Method, CanonicalQuery.Build(request.Query), signedHeaders, AcsSignatureV3.HashPayload(request.Body));
        var stringToSign = AcsSignatureV3.StringToSign(canonical);
        if (!FixedEquals(AcsSignatureV3.Sign(stringToSign, credential!.Secret), signature))
            return await MismatchAsync(credential, cached, stringToSign, ct);
        return await UseNonceAsync(credential, cached, headers["x-acs-signature-nonce"].ToString(), timestamp, ct);
    }

    /// <summary>The key from memory when the call may leave its checks to its write, else proven current now.</summary>
    private async Task<(ApiCredential? Credential, bool Cached, CompatResult? Error)> KeyAsync(string accessKeyId, bool checksInTheWrite, CancellationToken ct)
    {
        if (checksInTheWrite && states.CachedKey(accessKeyId) is { } cached) return (cached, true, null);
        var (credential, error) = await ResolveAsync(accessKeyId, ct);
        return (credential, false, error);
    }

    /// <summary>A key taken from memory may have been disabled since: that is the answer then, not the signature.</summary>
    private async Task<Verified> MismatchAsync(ApiCredential credential, bool cached, string stringToSign, CancellationToken ct) =>
        cached && (await ResolveAsync(credential.AccessKeyId, ct)).Error is { } keyError ? Fail(keyError) : Fail(SignatureMismatch(stringToSign));

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

    private async Task<Verified> UseNonceAsync(ApiCredential credential, bool cached, string nonce, DateTimeOffset timestamp, CancellationToken ct)
    {
        // Past timestamp + skew the request is refused for its time, so the nonce need not be remembered longer.
        var expires = timestamp + MaxClockSkew;
        if (cached && credential.State is { } state)
            credential = credential with { WriteCheck = new WriteTimeCheck(credential.AccessKeyId, nonce, expires, state.Version) };
        else if (!await nonces.TryUseAsync(credential.AccessKeyId, nonce, expires, ct))
            return Fail(NonceUsed);
        await usage.RecordAsync(db, credential.KeyId, ct);
        return new Verified(credential, null);
    }

    private static CompatResult NonceUsed => CompatResult.Gateway(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

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
