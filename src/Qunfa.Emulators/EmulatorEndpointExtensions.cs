using Qunfa.Emulators.Manage;
using Qunfa.Emulators.Mns;
using Qunfa.Emulators.Oss;
using Qunfa.Emulators.Rpc;
using Qunfa.Emulators.Sms;

namespace Qunfa.Emulators;

public static class EmulatorEndpointExtensions
{
    public const string Version = "2017-05-25";

    public static IEndpointRouteBuilder MapAliyunEmulator(this IEndpointRouteBuilder app, string prefix = "")
    {
        prefix = prefix.TrimEnd('/');
        var state = app.ServiceProvider.GetRequiredService<EmulatorState>();

        var dysmsapi = new RpcProduct("Dysmsapi", Version, "dysmsapi.aliyuncs.com",
        [
            SendSmsAction.Definition,
            SendBatchSmsAction.Definition,
            QuerySendDetailsAction.Definition,
            QuerySendStatisticsAction.Definition,
            .. SignActions.All,
            .. TemplateActions.All,
            .. QualificationActions.All,
            .. AuthorizationLetterActions.All,
            .. PhoneCodeActions.All,
            .. OssInfoActions.All,
        ]);
        var dybaseapi = new RpcProduct("Dybaseapi", Version, "dybaseapi.aliyuncs.com", [QueryTokenForMnsQueueAction.Definition]);

        MapRpc(app, state, prefix, "dysmsapi", dysmsapi);
        MapRpc(app, state, prefix, "dybaseapi", dybaseapi);

        var mns = new MnsEndpoints(state, new MnsAuthenticator(state, prefix + "/mns"));
        app.MapGet(prefix + "/mns/queues/{queue}/messages", (HttpContext http, string queue) => mns.ReceiveAsync(http, queue))
            .ExcludeFromDescription();
        app.MapDelete(prefix + "/mns/queues/{queue}/messages", (HttpContext http, string queue) => mns.DeleteAsync(http, queue))
            .ExcludeFromDescription();

        var oss = new OssPostObjectEndpoint(state);
        app.MapPost(prefix + "/oss", (Delegate)oss.HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static void MapRpc(IEndpointRouteBuilder app, EmulatorState state, string prefix, string segment, RpcProduct product)
    {
        var gateway = new RpcGateway(state, product, prefix);
        // Routing ignores a trailing slash, so one pattern serves both /dysmsapi and /dysmsapi/.
        app.MapMethods($"{prefix}/{segment}", ["GET", "POST"], (Delegate)gateway.HandleAsync)
            .DisableAntiforgery()
            .ExcludeFromDescription();
    }
}
