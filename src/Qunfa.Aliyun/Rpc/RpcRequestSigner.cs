using System.Globalization;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Signing;

namespace Qunfa.Aliyun.Rpc;

/// <summary>Turns an <see cref="RpcRequest"/> into a signed POST with every parameter in the query and an empty body.</summary>
internal static class RpcRequestSigner
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static HttpRequestMessage Build(
        RpcRequest request,
        Uri endpoint,
        AliyunCredentials credentials,
        AliyunSignatureVersion version,
        string? regionId,
        DateTimeOffset now,
        string nonce) =>
        version == AliyunSignatureVersion.V1
            ? BuildV1(request, endpoint, credentials, regionId, now, nonce)
            : BuildV3(request, endpoint, credentials, now, nonce);

    private static HttpRequestMessage BuildV1(RpcRequest request, Uri endpoint, AliyunCredentials credentials, string? regionId, DateTimeOffset now, string nonce)
    {
        var parameters = new List<KeyValuePair<string, string>>(request.Parameters)
        {
            new("Action", request.Action),
            new("Version", request.Version),
            new("Format", "JSON"),
            new("AccessKeyId", credentials.AccessKeyId),
            new("SignatureMethod", RpcSignatureV1.SignatureMethod),
            new("SignatureVersion", RpcSignatureV1.SignatureVersion),
            new("SignatureNonce", nonce),
            new("Timestamp", now.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(regionId))
        {
            parameters.Add(new("RegionId", regionId));
        }

        if (credentials.SecurityToken is not null)
        {
            parameters.Add(new("SecurityToken", credentials.SecurityToken));
        }

        var canonical = RpcSignatureV1.CanonicalizedQueryString(parameters);
        var signature = RpcSignatureV1.Sign(RpcSignatureV1.StringToSign("POST", canonical), credentials.AccessKeySecret);
        var uri = new Uri(endpoint, "?" + canonical + "&Signature=" + AliyunPercentEncoder.Encode(signature));
        return new HttpRequestMessage(HttpMethod.Post, uri);
    }

    private static HttpRequestMessage BuildV3(RpcRequest request, Uri endpoint, AliyunCredentials credentials, DateTimeOffset now, string nonce)
    {
        var query = CanonicalQuery.Build(request.Parameters);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", endpoint.Authority),
            new("x-acs-action", request.Action),
            new("x-acs-version", request.Version),
            new("x-acs-date", now.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", nonce),
            new("x-acs-content-sha256", AcsSignatureV3.EmptyBodyHash),
        };
        if (credentials.SecurityToken is not null)
        {
            headers.Add(new("x-acs-security-token", credentials.SecurityToken));
        }

        var signed = AcsSignatureV3.SignedHeaders(headers);
        var canonicalRequest = AcsSignatureV3.CanonicalRequest("POST", query, signed, AcsSignatureV3.EmptyBodyHash);
        var signature = AcsSignatureV3.Sign(AcsSignatureV3.StringToSign(canonicalRequest), credentials.AccessKeySecret);

        var message = new HttpRequestMessage(HttpMethod.Post, query.Length == 0 ? endpoint : new Uri(endpoint, "?" + query));
        message.Headers.Host = endpoint.Authority;
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.TryAddWithoutValidation(
            "Authorization",
            AcsSignatureV3.Authorization(credentials.AccessKeyId, AcsSignatureV3.SignedHeaderNames(signed), signature));
        return message;
    }
}
