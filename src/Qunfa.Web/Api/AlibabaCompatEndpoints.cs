using Qunfa.Web.Features.AlibabaCompat;
using Qunfa.Web.Features.ApiKeys;

namespace Qunfa.Web.Api;

/// <summary>
/// Dysmsapi 2017-05-25 on the Qunfa host, for customers' programs written against Alibaba's SDKs: they
/// change only the endpoint and the key pair. Served at <see cref="Path"/> and, for calls that carry an
/// Action, at the host root (see Features/AlibabaCompat/README.md).
/// </summary>
public static class AlibabaCompatEndpoints
{
    public const string Path = "/aliyun";
    public const string Version = "2017-05-25";

    /// <param name="IsSend">The action ends in a send, whose write makes the signature's database checks (docs/decisions/0015).</param>
    private sealed record Action(string[] Required, bool IsSend, Func<IServiceProvider, ApiCredential, CompatRequest, CancellationToken, Task<CompatResult>> Handle);

    private static readonly Dictionary<string, Action> Actions = new(StringComparer.Ordinal)
    {
        ["SendSms"] = new(["PhoneNumbers", "SignName", "TemplateCode"], true,
            (sp, key, request, ct) => sp.GetRequiredService<CompatSender>().SendSmsAsync(key, request, ct)),
        ["SendBatchSms"] = new(["PhoneNumberJson", "SignNameJson", "TemplateCode"], true,
            (sp, key, request, ct) => sp.GetRequiredService<CompatSender>().SendBatchSmsAsync(key, request, ct)),
        ["QuerySendDetails"] = new(["PhoneNumber", "SendDate", "PageSize", "CurrentPage"], false,
            (sp, key, request, ct) => sp.GetRequiredService<SendDetailsQuery>().QueryAsync(key, request, ct)),
    };

    public static IEndpointRouteBuilder MapAlibabaCompat(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], HandleAsync).DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// Alibaba's SDKs always call the path "/" of the endpoint host, so a call there that names an action is
    /// routed to <see cref="Path"/>; every other request to "/" still reaches the home page.
    /// </summary>
    public static IApplicationBuilder UseAlibabaCompatAtRoot(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/" && await IsAlibabaCallAsync(context.Request)) context.Request.Path = Path;
            await next();
        });

    private static async Task<bool> IsAlibabaCallAsync(HttpRequest request)
    {
        if (request.Headers.ContainsKey("x-acs-action") || request.Query.ContainsKey("Action")) return true;
        if (!HttpMethods.IsPost(request.Method) || !CompatRequest.IsForm(request) || request.ContentLength > CompatRequest.MaxBodyBytes) return false;
        // A V1 POST may carry everything in its form body; it is read once more by the handler.
        request.EnableBuffering();
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form.ContainsKey("Action");
        }
        catch (InvalidDataException)
        {
            // Beyond the form limits: not a call of ours, the page answers it as before.
            return false;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static async Task<IResult> HandleAsync(HttpContext http, SignatureVerifier verifier, ILoggerFactory loggers, CancellationToken ct)
    {
        var requestId = Guid.NewGuid().ToString().ToUpperInvariant();
        var hostId = http.Request.Host.Host;
        var request = await CompatRequest.ReadAsync(http.Request, ct);
        if (request is null)
            return CompatResponseWriter.Write(CompatResult.Gateway(413, "RequestEntityTooLarge", "The request body is too large."), requestId, "", hostId, xml: false);
        var xml = request.WantsXml;
        try
        {
            var result = await DispatchAsync(http.RequestServices, verifier, request, ct);
            return CompatResponseWriter.Write(result, requestId, request.Action, hostId, xml);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(AlibabaCompatEndpoints)).LogError(ex, "Alibaba-compatible {Action} failed (RequestId {RequestId})", request.Action, requestId);
            var failed = CompatResult.Gateway(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.");
            return CompatResponseWriter.Write(failed, requestId, request.Action, hostId, xml);
        }
    }

    private static async Task<CompatResult> DispatchAsync(IServiceProvider services, SignatureVerifier verifier, CompatRequest request, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.Action)) return CompatResult.Missing("Action");
        if (string.IsNullOrEmpty(request.Version)) return CompatResult.Missing("Version");
        if (request.Version != Version) return CompatResult.Gateway(400, "InvalidVersion", "Specified parameter Version is not valid.");
        if (!Actions.TryGetValue(request.Action, out var action))
            return CompatResult.Gateway(404, "InvalidApi.NotFound", "Specified api is not found, please check your url and method.");
        var verified = await verifier.VerifyAsync(request, action.IsSend, ct);
        if (verified.Error is { } error) return error;
        var key = verified.Credential!;
        var result = await RunAsync(action, services, key, request, ct);
        if (result is not null && key.WriteCheck is not { Passed: false }) return result;
        // Refused on what memory held, or the write found it out of date: checked as any call is, then answered afresh.
        var completed = await verifier.CompleteAsync(key, ct);
        return completed.Error ?? (await RunAsync(action, services, completed.Credential!, request, ct))!;
    }

    /// <summary>The action's answer, or null when the checks left to its write failed there (nothing was written).</summary>
    private static async Task<CompatResult?> RunAsync(Action action, IServiceProvider services, ApiCredential key, CompatRequest request, CancellationToken ct)
    {
        foreach (var name in action.Required)
            if (string.IsNullOrWhiteSpace(request.Get(name))) return CompatResult.Missing(name);
        try
        {
            return await action.Handle(services, key, request, ct);
        }
        catch (Qunfa.Web.Features.Sending.Checks.WriteTimeCheck.FailedException) when (key.WriteCheck is not null)
        {
            return null;
        }
    }
}
