namespace Qunfa.Emulators.Alipay;

public static class AlipayEmulatorEndpointExtensions
{
    /// <summary>Maps {prefix}/gateway.do (both protocols: point both gateway settings at it) and the cashier buttons.</summary>
    public static IEndpointRouteBuilder MapAlipayEmulator(this IEndpointRouteBuilder app, string prefix = "/alipay")
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(prefix);
        group.MapMethods("/gateway.do", [HttpMethods.Get, HttpMethods.Post], new RequestDelegate(AlipayGateway.HandleAsync));
        group.MapPost("/cashier/{tradeNo}/pay", new RequestDelegate(AlipayCashier.PayAsync));
        group.MapPost("/cashier/{tradeNo}/cancel", new RequestDelegate(AlipayCashier.CancelAsync));
        return app;
    }
}
