using Microsoft.AspNetCore.Http.Features;
using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Features.Push;
using Qunfa.Web.Features.Replies;
using Qunfa.Web.Features.Sending;

namespace Qunfa.Web.Api;

/// <summary>
/// The HTTP-push variant of SmsReport and SmsUp, behind a secret path token (a wrong token is a 404 and
/// nothing is read). A receipt carrying our OutId that matches no record yet is answered with 503 so that
/// Alibaba sends the batch again (after 1, 5 and 10 minutes); everything else in the batch is idempotent.
/// </summary>
public static class AliyunReceiptPushEndpoints
{
    private const int MaxBody = 4_000_000;

    public static IEndpointRouteBuilder MapAliyunReceiptPushEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/aliyun/push/{token}").DisableAntiforgery();
        group.MapPost("/sms-report", async (string token, HttpRequest request, PushTokenService tokens, ReceiptBatcher receipts, CancellationToken ct) =>
        {
            if (!await tokens.IsValidAsync(token, ct)) return Results.NotFound();
            var body = await ReadAsync(request, ct);
            if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            IReadOnlyList<DeliveryReport> reports;
            try
            {
                reports = SmsReportParser.ParsePush(body);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
            {
                return Results.BadRequest();
            }
            // The whole array is applied as one batch, together with whatever the queue readers bring meanwhile.
            var results = reports.Count == 0 ? [] : await receipts.ApplyAsync(reports, ct);
            var waiting = reports.Where((report, i) => results[i] == ReceiptApplier.Result.Unknown && !string.IsNullOrEmpty(report.OutId)).Any();
            return waiting ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : Acknowledged();
        });
        group.MapPost("/sms-up", async (string token, HttpRequest request, PushTokenService tokens, ReplyIngestion replies, CancellationToken ct) =>
        {
            if (!await tokens.IsValidAsync(token, ct)) return Results.NotFound();
            var body = await ReadAsync(request, ct);
            if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            IReadOnlyList<InboundMessage> messages;
            try
            {
                messages = SmsUpParser.ParsePush(body);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
            {
                return Results.BadRequest();
            }
            foreach (var message in messages)
                await replies.StoreAsync(message, ct);
            return Acknowledged();
        });
        return app;
    }

    private static IResult Acknowledged() => Results.Text(HttpPushAcknowledgement.Body, HttpPushAcknowledgement.ContentType);

    /// <summary>The body as text, or null when it is over <see cref="MaxBody"/> — declared or, when chunked, as read.</summary>
    private static async Task<string?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBody) return null;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBody;
        try
        {
            using var reader = new StreamReader(request.Body);
            return await reader.ReadToEndAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }
}
