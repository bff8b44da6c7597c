using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Qunfa.Web.Data;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Sending.Checks;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>
/// Checks the signature of every /api/v1 request before its endpoint runs: a known active key, a timestamp
/// within <see cref="Window"/>, a signature over the exact request and a nonce not seen before. The body is
/// read here once, because the signature covers it. For an endpoint marked <see cref="ChecksInTheWrite"/> whose key
/// is cached, the key's currency and the nonce are left to the endpoint's write (<see cref="ApiCredential.WriteCheck"/>).
/// </summary>
public sealed class ApiSignatureMiddleware(RequestDelegate next, TimeProvider time, ApiKeyUsage usage, SendingStates states)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    public const int MaxBodyBytes = 2 * 1024 * 1024;
    public const string Scheme = "Qunfa-HMAC-SHA256";

    public async Task InvokeAsync(HttpContext context, ApiKeyService keys, ApiNonceStore nonces, QunfaDbContext db)
    {
        var ct = context.RequestAborted;
        var request = context.Request;
        var keyId = request.Headers[ApiRequestSigning.KeyHeader].ToString();
        var timestamp = request.Headers[ApiRequestSigning.TimestampHeader].ToString();
        var nonce = request.Headers[ApiRequestSigning.NonceHeader].ToString();
        var signature = request.Headers[ApiRequestSigning.SignatureHeader].ToString();
        if (keyId.Length == 0 || timestamp.Length == 0 || nonce.Length == 0 || signature.Length == 0)
        {
            await RejectAsync(context, "MissingSignature", "Missing signature headers", ApiMessages.MissingHeaders);
            return;
        }
        if (!ValidNonce(nonce))
        {
            await RejectAsync(context, "InvalidNonce", "Invalid nonce", ApiMessages.BadNonce);
            return;
        }
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now - seconds) > (long)Window.TotalSeconds)
        {
            await RejectAsync(context, "RequestTimeTooSkewed", "Request time too skewed", ApiMessages.BadTimestamp);
            return;
        }
        var deferrable = context.GetEndpoint()?.Metadata.GetMetadata<ChecksInTheWrite>() is not null;
        var cached = deferrable ? states.CachedKey(keyId) : null;
        var credential = cached ?? await keys.ResolveAsync(keyId, ct);
        if (credential is null)
        {
            await RejectAsync(context, "InvalidAccessKeyId", "Invalid AccessKeyId", ApiMessages.UnknownKey);
            return;
        }
        var body = await ReadBodyAsync(request, ct);
        if (body is null)
        {
            await ApiProblems.TooLarge().ExecuteAsync(context);
            return;
        }
        var stringToSign = ApiRequestSigning.StringToSign(request.Method, PathAndQuery(context), timestamp, nonce, body);
        if (!ApiRequestSigning.Matches(credential.Secret, stringToSign, signature))
        {
            // A key taken from memory may have been revoked since: say so rather than that the signature is wrong.
            if (cached is not null && await keys.ResolveAsync(keyId, ct) is null)
                await RejectAsync(context, "InvalidAccessKeyId", "Invalid AccessKeyId", ApiMessages.UnknownKey);
            else
                await RejectAsync(context, "SignatureDoesNotMatch", "Signature does not match", ApiMessages.SignatureMismatch);
            return;
        }
        // A replay carries the same timestamp, so the nonce is needed only until that timestamp leaves the window.
        var nonceExpires = DateTimeOffset.FromUnixTimeSeconds(seconds) + Window + TimeSpan.FromSeconds(1);
        if (cached?.State is { } state)
            credential = cached with { WriteCheck = new WriteTimeCheck(cached.AccessKeyId, nonce, nonceExpires, state.Version) };
        else if (!await nonces.TryUseAsync(credential.AccessKeyId, nonce, nonceExpires, ct))
        {
            await RejectAsync(context, "NonceReused", "Nonce already used", ApiMessages.NonceReused);
            return;
        }
        await usage.RecordAsync(db, credential.KeyId, ct);
        context.Features.Set(new ApiCaller(credential, body));
        request.Body = new MemoryStream(body, writable: false);
        await next(context);
    }

    private static Task RejectAsync(HttpContext context, string code, string title, string detail) =>
        Rejection(context, code, title, detail).ExecuteAsync(context);

    public static IResult Rejection(HttpContext context, string code, string title, string detail)
    {
        context.Response.Headers.WWWAuthenticate = Scheme;
        return ApiProblems.Unauthorized(code, title, detail);
    }

    private static bool ValidNonce(string nonce) =>
        nonce.Length is >= 8 and <= 64 && nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The request target exactly as the client sent it, which is what it signed.</summary>
    private static string PathAndQuery(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return !string.IsNullOrEmpty(raw) && raw[0] == '/'
            ? raw
            : context.Request.PathBase + context.Request.Path + context.Request.QueryString;
    }

    /// <summary>The whole body, or null when it is over <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBodyBytes) return null;
        if (request.ContentLength == 0) return [];
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }
}
