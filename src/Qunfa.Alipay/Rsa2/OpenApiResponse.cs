using System.Security.Cryptography;
using System.Text.Json;
using Qunfa.Alipay.Common;

namespace Qunfa.Alipay.Rsa2;

/// <summary>One synchronous answer: the signature covers the exact raw text of "&lt;method&gt;_response", never a re-serialisation.</summary>
internal sealed record OpenApiResponse(string Code, string? Message, string? SubCode, string? SubMessage, IReadOnlyDictionary<string, string> Fields)
{
    public const string SuccessCode = "10000";

    public bool IsSuccess => Code == SuccessCode;

    public string? Get(string name) => Fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public static OpenApiResponse Read(string json, string method, string alipayPublicKey)
    {
        var responseName = method.Replace('.', '_') + "_response";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new AlipayException($"{method} answered with malformed JSON.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !(root.TryGetProperty(responseName, out var body) || root.TryGetProperty("error_response", out body))
                || body.ValueKind != JsonValueKind.Object)
            {
                throw new AlipayException($"{method} answered without {responseName}.");
            }

            var sign = root.TryGetProperty("sign", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            bool verified;
            try
            {
                verified = sign is not null && Rsa2Signer.Verify(body.GetRawText(), sign, alipayPublicKey);
            }
            catch (CryptographicException ex)
            {
                throw new AlipayException("Alipay public key cannot be loaded.", ex);
            }

            var fields = body.EnumerateObject()
                .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                .GroupBy(p => p.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Value.ValueKind == JsonValueKind.String ? g.First().Value.GetString()! : g.First().Value.GetRawText(), StringComparer.Ordinal);
            var response = new OpenApiResponse(
                fields.GetValueOrDefault("code") ?? string.Empty,
                fields.GetValueOrDefault("msg"),
                fields.GetValueOrDefault("sub_code"),
                fields.GetValueOrDefault("sub_msg"),
                fields);
            if (!verified)
            {
                // An unsigned failure (bad app id, bad request signature) is a configuration problem; an unsigned or
                // badly signed success is never trusted.
                throw new AlipayException(sign is null
                    ? $"{method} answered without a signature: {response.Describe()}"
                    : $"{method} answer failed signature verification.");
            }

            return response;
        }
    }

    public string Describe() => $"{Code} {Message} {SubCode} {SubMessage}".Trim();
}
