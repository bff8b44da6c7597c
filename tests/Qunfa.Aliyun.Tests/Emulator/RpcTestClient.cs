using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Qunfa.Aliyun.Tests.Emulator;

internal sealed record RpcResponse(HttpStatusCode Status, string Raw)
{
    public JsonElement Json => JsonDocument.Parse(Raw).RootElement;

    public string Code => Json.GetProperty("Code").GetString()!;

    public string Message => Json.GetProperty("Message").GetString()!;
}

/// <summary>Hand-builds and signs POP RPC requests; `tamper` edits the wire form after signing.</summary>
internal sealed class RpcTestClient(HttpClient http, Uri baseAddress, Func<DateTimeOffset> clock,
    string accessKeyId = "emulator-ak", string secret = "emulator-secret")
{
    public string AccessKeyId { get; set; } = accessKeyId;

    public string Secret { get; set; } = secret;

    public Task<RpcResponse> V1Async(
        string action, IDictionary<string, string> parameters, string method = "POST", string product = "dysmsapi",
        Func<string, string>? tamper = null, DateTimeOffset? timestamp = null, string? nonce = null, string format = "JSON")
    {
        var all = new Dictionary<string, string>(parameters)
        {
            ["Action"] = action,
            ["Version"] = "2017-05-25",
            ["AccessKeyId"] = AccessKeyId,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = nonce ?? Guid.NewGuid().ToString(),
            ["Timestamp"] = (timestamp ?? clock()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["RegionId"] = "cn-hangzhou",
        };
        if (format.Length > 0)
        {
            all["Format"] = format;
        }
        all["Signature"] = TestSigning.V1Signature(method, all.Where(p => p.Key != "Signature"), Secret);
        var wire = string.Join("&", all.Select(p => TestSigning.Enc(p.Key) + "=" + TestSigning.Enc(p.Value)));
        wire = tamper?.Invoke(wire) ?? wire;
        var url = new Uri(baseAddress, product + "/");
        var request = method == "GET"
            ? new HttpRequestMessage(HttpMethod.Get, url + "?" + wire)
            : new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(wire, Encoding.UTF8, "application/x-www-form-urlencoded") };
        return SendAsync(request);
    }

    public Task<RpcResponse> V3Async(
        string action, IDictionary<string, string> query, string product = "dysmsapi",
        Func<string, string>? tamper = null, DateTimeOffset? timestamp = null, string? nonce = null)
    {
        var url = new Uri(baseAddress, product + "/");
        var canonicalQuery = TestSigning.CanonicalQuery(query);
        var emptySha = TestSigning.Sha256Hex([]);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = url.Authority,
            ["x-acs-action"] = action,
            ["x-acs-version"] = "2017-05-25",
            ["x-acs-date"] = (timestamp ?? clock()).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = nonce ?? Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = emptySha,
        };
        var signature = TestSigning.V3Signature("POST", canonicalQuery, headers, emptySha, Secret);
        var wire = tamper?.Invoke(canonicalQuery) ?? canonicalQuery;
        var request = new HttpRequestMessage(HttpMethod.Post, url + (wire.Length > 0 ? "?" + wire : ""));
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        request.Headers.TryAddWithoutValidation("Authorization",
            $"ACS3-HMAC-SHA256 Credential={AccessKeyId},SignedHeaders={string.Join(";", headers.Keys)},Signature={signature}");
        request.Content = new ByteArrayContent([]);
        return SendAsync(request);
    }

    private async Task<RpcResponse> SendAsync(HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        return new RpcResponse(response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
