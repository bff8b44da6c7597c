namespace Qunfa.Emulators.Alipay;

/// <summary>The buyer's 付款 / 取消 buttons on the cashier page.</summary>
internal static class AlipayCashier
{
    public static async Task PayAsync(HttpContext context)
    {
        var state = context.RequestServices.GetRequiredService<AlipayEmulatorState>();
        var tradeNo = (string)context.Request.RouteValues["tradeNo"]!;
        if (state.FindTradeByTradeNo(tradeNo) is not { } trade)
        {
            await AlipayHtml.WriteAsync(context, StatusCodes.Status404NotFound, AlipayHtml.Message("无法付款", "交易不存在"));
            return;
        }

        if (state.MarkPaid(trade) is { } error)
        {
            await AlipayHtml.WriteAsync(context, StatusCodes.Status409Conflict, AlipayHtml.Message("无法付款", error));
            return;
        }

        state.Notify(trade);
        if (trade.ReturnUrl is null)
        {
            await AlipayHtml.WriteAsync(context, StatusCodes.Status200OK, AlipayHtml.Message("付款成功", $"订单 {trade.OutTradeNo} 已付款"));
            return;
        }

        var parameters = trade.Protocol == AlipayEmulatorProtocol.Md5
            ? AlipayNotificationBuilder.Md5Return(state, trade, state.IssueNotifyId(trade.Merchant.Partner, state.Options.ReturnNotifyIdLifetime))
            : AlipayNotificationBuilder.Rsa2Return(state, trade);
        context.Response.Redirect(AlipayGatewayParameters.WithQuery(trade.ReturnUrl, parameters).AbsoluteUri);
    }

    public static Task CancelAsync(HttpContext context)
    {
        var state = context.RequestServices.GetRequiredService<AlipayEmulatorState>();
        var trade = state.FindTradeByTradeNo((string)context.Request.RouteValues["tradeNo"]!);
        var back = trade?.ReturnUrl is { } url ? new Uri(url, "/") : null;
        return AlipayHtml.WriteAsync(context, StatusCodes.Status200OK, AlipayHtml.Message("已取消付款", "您已取消付款，订单未支付。", back));
    }
}
