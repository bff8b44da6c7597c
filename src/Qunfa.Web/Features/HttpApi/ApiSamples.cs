namespace Qunfa.Web.Features.HttpApi;

/// <summary>The signing examples shown on 接口密钥; {BASE} is replaced with the site's own address.</summary>
public static class ApiSamples
{
    public const string CSharp = """"
        using System.Security.Cryptography;
        using System.Text;

        var accessKeyId = "您的AccessKeyId";
        var secret = "您的AccessKeySecret";
        var path = "/api/v1/sms/send";
        var body = Encoding.UTF8.GetBytes("""
            {"signName":"您的签名","templateCode":"SMS_123456789","phoneNumbers":["13800000000"],"templateParam":{"code":"1234"}}
            """);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var nonce = Guid.NewGuid().ToString("N");
        var stringToSign = string.Join("\n", "POST", path, timestamp, nonce, Convert.ToHexStringLower(SHA256.HashData(body)));
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));

        using var http = new HttpClient { BaseAddress = new Uri("{BASE}") };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Qunfa-Key", accessKeyId);
        request.Headers.Add("X-Qunfa-Timestamp", timestamp);
        request.Headers.Add("X-Qunfa-Nonce", nonce);
        request.Headers.Add("X-Qunfa-Signature", signature);
        using var response = await http.SendAsync(request);
        Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        """";

    public const string Bash = """
        ACCESS_KEY_ID='您的AccessKeyId'
        SECRET='您的AccessKeySecret'
        URL_PATH='/api/v1/sms/send'
        BODY='{"signName":"您的签名","templateCode":"SMS_123456789","phoneNumbers":["13800000000"],"templateParam":{"code":"1234"}}'
        TS=$(date +%s)
        NONCE=$(openssl rand -hex 16)
        BODY_HASH=$(printf '%s' "$BODY" | openssl dgst -sha256 -hex | sed 's/^.* //')
        SIGNATURE=$(printf 'POST\n%s\n%s\n%s\n%s' "$URL_PATH" "$TS" "$NONCE" "$BODY_HASH" \
          | openssl dgst -sha256 -hmac "$SECRET" -binary | base64)
        curl -sS -X POST "{BASE}$URL_PATH" \
          -H 'Content-Type: application/json' \
          -H "X-Qunfa-Key: $ACCESS_KEY_ID" \
          -H "X-Qunfa-Timestamp: $TS" \
          -H "X-Qunfa-Nonce: $NONCE" \
          -H "X-Qunfa-Signature: $SIGNATURE" \
          --data-binary "$BODY"
        """;
}
