using System.Text;

namespace Qunfa.Aliyun.Mns;

/// <summary>Alibaba puts Base64 of the UTF-8 JSON in MessageBody; raw JSON is accepted too.</summary>
internal static class MnsBody
{
    public static string Decode(string raw)
    {
        var trimmed = raw.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return trimmed;
        }

        var buffer = new byte[trimmed.Length];
        return Convert.TryFromBase64String(trimmed, buffer, out var written)
            ? Encoding.UTF8.GetString(buffer, 0, written)
            : raw;
    }

    public static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
