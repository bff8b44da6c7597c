using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Qunfa.Aliyun.Tests.Client.Support;

/// <summary>Records every request (with its body read eagerly) and answers from a queue of canned responses.</summary>
public sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<CancellationToken, Task<HttpResponseMessage>>> responses = new();

    public List<CapturedRequest> Requests { get; } = [];

    public StubHttpHandler RespondJson(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Respond(status, json, "application/json");

    public StubHttpHandler RespondXml(string xml, HttpStatusCode status = HttpStatusCode.OK) =>
        Respond(status, xml, "text/xml");

    public StubHttpHandler Respond(HttpStatusCode status, string body = "", string mediaType = "text/plain")
    {
        responses.Enqueue(_ => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) }));
        return this;
    }

    public StubHttpHandler Throw(Exception exception)
    {
        responses.Enqueue(_ => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers until cancelled, like a server that accepted the request and went silent.</summary>
    public StubHttpHandler Hang()
    {
        responses.Enqueue(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new CapturedRequest(request.Method, request.RequestUri!, Headers(request), body));
        }

        if (!responses.TryDequeue(out var next))
        {
            throw new InvalidOperationException($"No canned response left for {request.Method} {request.RequestUri}.");
        }

        return await next(cancellationToken);
    }

    private static Dictionary<string, string> Headers(HttpRequestMessage request)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }
        }

        return headers;
    }
}

public sealed record CapturedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[]? Body)
{
    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);

    /// <summary>Query parameters, percent-decoded.</summary>
    public IReadOnlyDictionary<string, string> Query => Uri.Query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty, StringComparer.Ordinal);
}
