using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Web.Features.Webhooks;

/// <summary>X-Qunfa-Signature = Base64(HMAC-SHA256(secret, timestamp + "\n" + body)); the timestamp is Unix seconds.</summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Qunfa-Timestamp";
    public const string SignatureHeader = "X-Qunfa-Signature";

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + body)));
}
