using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Qunfa.Emulators.Signing;

namespace Qunfa.Emulators.Mns;

internal sealed class MnsAuthenticator(EmulatorState state, string mountPath)
{
    public IResult? Authenticate(HttpContext http, string queueName, string requestId)
    {
        var headers = http.Request.Headers;
        var date = headers.Date.ToString();
        if (date.Length == 0)
        {
            return MnsXml.Error(400, "MissingDateHeader", "The Date header is required.", requestId);
        }
        if (string.IsNullOrEmpty(headers["x-mns-version"]))
        {
            return MnsXml.Error(400, "MissingVersionHeader", "The x-mns-version header is required.", requestId);
        }
        var authorization = headers.Authorization.ToString();
        if (!authorization.StartsWith("MNS ", StringComparison.Ordinal) || authorization.IndexOf(':', 4) is var colon && colon < 0)
        {
            return MnsXml.Error(403, "AccessDenied", "The Authorization header must be \"MNS <AccessKeyId>:<Signature>\".", requestId);
        }
        var accessKeyId = authorization[4..colon];
        var signature = authorization[(colon + 1)..];
        var token = state.Tokens.Find(accessKeyId);
        if (token is null)
        {
            return MnsXml.Error(403, "InvalidAccessKeyId", "The access key id you provided does not exist in our records.", requestId);
        }
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent))
        {
            return MnsXml.Error(400, "InvalidArgument", "The Date header is not in RFC 1123 format.", requestId);
        }
        var now = state.Time.GetUtcNow();
        if ((now - sent).Duration() > state.Options.MaxClockSkew)
        {
            return MnsXml.Error(408, "TimeExpired", "The http request you sent is expired.", requestId);
        }
        var stringToSign = StringToSign(http, date, ServerResource(http));
        var matches = MnsSignature.Sign(stringToSign, token.AccessKeySecret) == signature
            || MnsSignature.Sign(StringToSign(http, date, RawTarget(http)), token.AccessKeySecret) == signature;
        if (!matches)
        {
            return MnsXml.Error(403, "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. server string to sign is:" + stringToSign, requestId);
        }
        if (headers["security-token"].ToString() != token.SecurityToken)
        {
            return MnsXml.Error(403, "AccessDenied", "The security-token header does not match the token issued with this AccessKeyId.", requestId);
        }
        if (now >= token.ExpireTime)
        {
            return MnsXml.Error(403, "AccessDenied", "The security token you provided has expired.", requestId);
        }
        if (!state.TryGetQueue(queueName, out _))
        {
            return MnsXml.Error(404, "QueueNotExist", "The queue name you provided is not exist.", requestId);
        }
        if (!string.Equals(token.QueueName, queueName, StringComparison.Ordinal))
        {
            return MnsXml.Error(403, "AccessDenied", $"The security token only grants access to queue {token.QueueName}.", requestId);
        }
        return null;
    }

    private static string StringToSign(HttpContext http, string date, string resource)
    {
        var headers = http.Request.Headers;
        var mnsHeaders = headers
            .Where(h => h.Key.StartsWith("x-mns-", StringComparison.OrdinalIgnoreCase))
            .Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()));
        return MnsSignature.StringToSign(http.Request.Method, headers["Content-MD5"].ToString(),
            headers.ContentType.ToString(), date, mnsHeaders, resource);
    }

    private static string RawTarget(HttpContext http) =>
        http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : http.Request.Path.Value + http.Request.QueryString.Value;

    /// <summary>The path the real MNS host would see: the emulator mount point removed.</summary>
    private string ServerResource(HttpContext http)
    {
        var raw = RawTarget(http);
        var mount = http.Request.PathBase.Value + mountPath;
        return raw.StartsWith(mount, StringComparison.OrdinalIgnoreCase) ? raw[mount.Length..] : raw;
    }
}
