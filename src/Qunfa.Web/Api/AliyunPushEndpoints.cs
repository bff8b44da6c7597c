using Qunfa.Aliyun.Notifications;
using Qunfa.Web.Features.Messaging;

namespace Qunfa.Web.Api;

/// <summary>
/// The HTTP-push variant of the review reports (the operator may configure these URLs at Alibaba
/// instead of queues). Reports only prompt a check, so an unauthenticated push cannot set a status.
/// </summary>
public static class AliyunPushEndpoints
{
    public static IEndpointRouteBuilder MapAliyunPushEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/aliyun/push").DisableAntiforgery();
        group.MapPost("/sign-report", async (HttpRequest request, ReviewHints hints, CancellationToken ct) =>
            await HandleAsync(request, body => hints.SignaturesAsync(SignSmsReportParser.ParsePush(body).Select(r => r.SignName).ToList(), ct), ct));
        group.MapPost("/template-report", async (HttpRequest request, ReviewHints hints, CancellationToken ct) =>
            await HandleAsync(request, body => hints.TemplatesAsync(TemplateSmsReportParser.ParsePush(body).Select(r => r.TemplateCode).ToList(), ct), ct));
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, Func<string, Task<int>> apply, CancellationToken ct)
    {
        if (request.ContentLength is > 1_000_000) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        try
        {
            await apply(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return Results.BadRequest();
        }
        return Results.Text(HttpPushAcknowledgement.Body, HttpPushAcknowledgement.ContentType);
    }
}
