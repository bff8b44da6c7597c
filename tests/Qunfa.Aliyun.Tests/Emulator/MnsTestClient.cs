using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Qunfa.Aliyun.Tests.Emulator;

internal sealed record MnsTestMessage(string MessageId, string ReceiptHandle, string BodyJson, int DequeueCount);

internal sealed record MnsToken(string AccessKeyId, string AccessKeySecret, string SecurityToken, string ExpireTime);

/// <summary>Hand-signed MNS requests against the emulator's /mns/ mount (or another), resource signed as the real host sees it.</summary>
internal sealed class MnsTestClient(HttpClient http, Uri baseAddress, Func<DateTimeOffset> clock, string mount = "mns")
{
    private static readonly XNamespace Ns = "http://mns.aliyuncs.com/doc/v1/";

    public static async Task<MnsToken> TokenAsync(RpcTestClient rpc, string queueName, string messageType, string product = "dybaseapi")
    {
        var r = await rpc.V1Async("QueryTokenForMnsQueue",
            new Dictionary<string, string> { ["MessageType"] = messageType, ["QueueName"] = queueName }, product: product);
        Assert.Equal("OK", r.Code);
        var dto = r.Json.GetProperty("MessageTokenDTO");
        return new MnsToken(dto.GetProperty("AccessKeyId").GetString()!, dto.GetProperty("AccessKeySecret").GetString()!,
            dto.GetProperty("SecurityToken").GetString()!, dto.GetProperty("ExpireTime").GetString()!);
    }

    public async Task<(HttpStatusCode Status, List<MnsTestMessage> Messages, string Raw)> ReceiveAsync(
        MnsToken token, string queue, int count = 16, int waitSeconds = 0, string? tamperedSecret = null)
    {
        var resource = $"/queues/{queue}/messages?numOfMessages={count}&waitseconds={waitSeconds}";
        using var response = await SendAsync(HttpMethod.Get, resource, token, null, tamperedSecret);
        var raw = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, [], raw);
        }
        var messages = XDocument.Parse(raw).Root!.Elements(Ns + "Message").Select(m => new MnsTestMessage(
            m.Element(Ns + "MessageId")!.Value,
            m.Element(Ns + "ReceiptHandle")!.Value,
            Encoding.UTF8.GetString(Convert.FromBase64String(m.Element(Ns + "MessageBody")!.Value)),
            int.Parse(m.Element(Ns + "DequeueCount")!.Value, CultureInfo.InvariantCulture))).ToList();
        return (response.StatusCode, messages, raw);
    }

    public async Task<(HttpStatusCode Status, string Raw)> BatchDeleteAsync(MnsToken token, string queue, IEnumerable<string> handles)
    {
        var body = new XElement(Ns + "ReceiptHandles", handles.Select(h => new XElement(Ns + "ReceiptHandle", h))).ToString();
        using var response = await SendAsync(HttpMethod.Delete, $"/queues/{queue}/messages", token, body, null);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpStatusCode Status, string Raw)> DeleteAsync(MnsToken token, string queue, string handle)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"/queues/{queue}/messages?ReceiptHandle={Uri.EscapeDataString(handle)}", token, null, null);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string resource, MnsToken token, string? body, string? tamperedSecret)
    {
        var date = clock().UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(method, new Uri(baseAddress, mount + resource));
        var contentType = "";
        if (body is not null)
        {
            contentType = "text/xml;charset=utf-8";
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        var mnsHeaders = new Dictionary<string, string> { ["x-mns-version"] = "2015-06-06" };
        var signature = TestSigning.MnsSignature(method.Method, "", contentType, date, mnsHeaders, resource, tamperedSecret ?? token.AccessKeySecret);
        request.Headers.TryAddWithoutValidation("Date", date);
        request.Headers.TryAddWithoutValidation("x-mns-version", "2015-06-06");
        request.Headers.TryAddWithoutValidation("security-token", token.SecurityToken);
        request.Headers.TryAddWithoutValidation("Authorization", $"MNS {token.AccessKeyId}:{signature}");
        return http.SendAsync(request);
    }
}
