using Qunfa.Alipay.Common;
using Qunfa.Web.Features.Payments;

namespace Qunfa.Web.Api;

/// <summary>
/// Alipay's asynchronous notifications (server to server, no antiforgery, no session). The body is the plain text
/// "success" only when the order is settled by this trade; anything else makes Alipay retry.
/// </summary>
public static class AlipayEndpoints
{
    private const long MaxBody = 64 * 1024;

    public static IEndpointRouteBuilder MapAlipayEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/alipay/notify").DisableAntiforgery();
        group.MapPost("/md5", (HttpRequest request, AlipayNotifications notifications, CancellationToken ct) =>
            HandleAsync(request, form => notifications.HandleMd5Async(form, ct), ct));
        group.MapPost("/rsa2", (HttpRequest request, AlipayNotifications notifications, CancellationToken ct) =>
            HandleAsync(request, form => notifications.HandleRsa2Async(form, ct), ct));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, Func<IReadOnlyList<KeyValuePair<string, string>>, Task<string>> handle, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBody || !request.HasFormContentType)
            return Answer(AlipayNotifyAnswer.Failure);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Answer(AlipayNotifyAnswer.Failure);
        }
        // Every value is passed on, duplicates included: the library refuses a parameter given twice.
        var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        return Answer(await handle(pairs));
    }

    private static IResult Answer(string body) => Results.Text(body, AlipayNotifyAnswer.ContentType);
}
