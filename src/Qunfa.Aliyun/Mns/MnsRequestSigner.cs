using System.Globalization;
using Qunfa.Aliyun.Signing;

namespace Qunfa.Aliyun.Mns;

/// <summary>Builds a signed MNS request. The resource is signed relative to the account endpoint, so a base path (e.g. /mns/) is not part of it.</summary>
internal static class MnsRequestSigner
{
    public const string ApiVersion = "2015-06-06";

    public static HttpRequestMessage Build(HttpMethod method, Uri endpoint, string resource, MnsQueueToken token, DateTimeOffset now, string? xmlBody = null)
    {
        var date = now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        var contentType = xmlBody is null ? null : "text/xml";
        var mnsHeaders = new[] { new KeyValuePair<string, string>("x-mns-version", ApiVersion) };
        var stringToSign = MnsSignature.StringToSign(method.Method, null, contentType, date, mnsHeaders, resource);
        var signature = MnsSignature.Sign(stringToSign, token.AccessKeySecret);

        var message = new HttpRequestMessage(method, new Uri(endpoint, resource.TrimStart('/')));
        message.Headers.TryAddWithoutValidation("Date", date);
        message.Headers.TryAddWithoutValidation("x-mns-version", ApiVersion);
        message.Headers.TryAddWithoutValidation("Authorization", MnsSignature.Authorization(token.AccessKeyId, signature));
        message.Headers.TryAddWithoutValidation("security-token", token.SecurityToken);
        if (xmlBody is not null)
        {
            message.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(xmlBody));
            message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return message;
    }
}
