using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Signs /api/v1 requests the way the published scheme says, written apart from the platform's own code so
/// that a change to either is caught: Base64(HMAC-SHA256(secret, METHOD\npath?query\ntimestamp\nnonce\nhex(SHA256(body)))).
/// </summary>
internal sealed class ApiTestSigner(HttpClient http, string accessKeyId, string secret)
{
    public string AccessKeyId { get; } = accessKeyId;

    public static string NewNonce() => Guid.NewGuid().ToString("N");

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery, null);

    public Task<HttpResponseMessage> PostAsync(string pathAndQuery, string json) => SendAsync(HttpMethod.Post, pathAndQuery, json);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? json,
        long? timestamp = null, string? nonce = null, string? signWith = null)
    {
        var request = Build(method, pathAndQuery, json, timestamp ?? Now, nonce ?? NewNonce(), signWith ?? secret);
        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public HttpRequestMessage Build(HttpMethod method, string pathAndQuery, string? json, long timestamp, string nonce, string signingSecret)
    {
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var bodyHash = new StringBuilder();
        foreach (var b in SHA256.HashData(body)) bodyHash.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var text = method.Method + "\n" + pathAndQuery + "\n" + ts + "\n" + nonce + "\n" + bodyHash;
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(signingSecret));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(text)));

        var request = new HttpRequestMessage(method, pathAndQuery);
        if (json is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        request.Headers.Add("X-Qunfa-Key", AccessKeyId);
        request.Headers.Add("X-Qunfa-Timestamp", ts);
        request.Headers.Add("X-Qunfa-Nonce", nonce);
        request.Headers.Add("X-Qunfa-Signature", signature);
        return request;
    }
}
