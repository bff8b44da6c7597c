namespace Qunfa.Emulators.Alipay;

/// <summary>One gateway.do for both protocols: legacy requests carry "service", open platform requests "method".</summary>
internal static class AlipayGateway
{
    public static async Task HandleAsync(HttpContext context)
    {
        var state = context.RequestServices.GetRequiredService<AlipayEmulatorState>();
        var (parameters, error) = await AlipayGatewayParameters.ReadAsync(context.Request);
        if (parameters is null)
        {
            await AlipayHtml.ErrorAsync(context, "ILLEGAL_ARGUMENT", error!);
        }
        else if (parameters.Get("service") is not null)
        {
            await AlipayMd5Gateway.HandleAsync(context, state, parameters);
        }
        else if (parameters.Get("method") is not null)
        {
            await AlipayRsa2Gateway.HandleAsync(context, state, parameters);
        }
        else
        {
            await AlipayHtml.ErrorAsync(context, "ILLEGAL_SERVICE", "缺少 service 或 method 参数");
        }
    }
}
