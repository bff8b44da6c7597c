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
            .. OlderSignTemplateActions.All,
            .. QualificationActions.All,
            .. AuthorizationLetterActions.All,
            .. PhoneCodeActions.All,
            .. OssInfoActions.All,
        ]);
        var dybaseapi = new RpcProduct("Dybaseapi", Version, "dybaseapi.aliyuncs.com", [QueryTokenForMnsQueueAction.Definition]);

        var dysmsapiGateway = MapRpc(app, state, prefix, ProductListeners.Dysmsapi, dysmsapi);
        var dybaseapiGateway = MapRpc(app, state, prefix, ProductListeners.Dybaseapi, dybaseapi);

        var mns = new MnsEndpoints(state, new MnsAuthenticator(state, prefix + "/mns"));
        app.MapGet(prefix + "/mns/queues/{queue}/messages", (HttpContext http, string queue) => mns.ReceiveAsync(http, queue))
            .ExcludeFromDescription();
        app.MapDelete(prefix + "/mns/queues/{queue}/messages", (HttpContext http, string queue) => mns.DeleteAsync(http, queue))
            .ExcludeFromDescription();

        // Each product also at the root of its own listener or host name, where Alibaba's SDKs call it.
        Task<IResult> Root(HttpContext http) => ProductListeners.Resolve(state.Options, http) switch
        {
            ProductListeners.Dysmsapi => dysmsapiGateway.HandleAsync(http),
            ProductListeners.Dybaseapi => dybaseapiGateway.HandleAsync(http),
            _ => Task.FromResult(NoProductHere()),
        };
        app.MapMethods(prefix + "/", ["GET", "POST"], (Delegate)Root)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        app.MapGet(prefix + "/queues/{queue}/messages", (HttpContext http, string queue) =>
                ProductListeners.Resolve(state.Options, http) == ProductListeners.Mns ? mns.ReceiveAsync(http, queue) : Task.FromResult(NoProductHere()))
            .ExcludeFromDescription();
        app.MapDelete(prefix + "/queues/{queue}/messages", (HttpContext http, string queue) =>
                ProductListeners.Resolve(state.Options, http) == ProductListeners.Mns ? mns.DeleteAsync(http, queue) : Task.FromResult(NoProductHere()))
            .ExcludeFromDescription();

        var oss = new OssPostObjectEndpoint(state);
        app.MapPost(prefix + "/oss", (Delegate)oss.HandleAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static RpcGateway MapRpc(IEndpointRouteBuilder app, EmulatorState state, string prefix, string segment, RpcProduct product)
    {
        var gateway = new RpcGateway(state, product, prefix);
        // Routing ignores a trailing slash, so one pattern serves both /dysmsapi and /dysmsapi/.
        app.MapMethods($"{prefix}/{segment}", ["GET", "POST"], (Delegate)gateway.HandleAsync)
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return gateway;
    }

    private static IResult NoProductHere() => Results.Text(
        "Not an Alibaba product here: use /dysmsapi/, /dybaseapi/ or /mns/, or the root of a product's own listener "
        + "(Emulator:DysmsapiUrl, Emulator:DybaseapiUrl, Emulator:MnsUrl) or host name (dysmsapi.*, dybaseapi.*, *.mns.*).",
        statusCode: StatusCodes.Status404NotFound);
}
