using System.Text.Json;

namespace Qunfa.Emulators.Alipay;

/// <summary>openapi.alipay.com/gateway.do: alipay.trade.page.pay (browser), alipay.trade.query and alipay.trade.close (server).</summary>
internal static class AlipayRsa2Gateway
{
    public static async Task HandleAsync(HttpContext context, AlipayEmulatorState state, Dictionary<string, string> p)
    {
        var method = p.Get("method")!;
        var isPage = method == "alipay.trade.page.pay";
        if (!isPage && method is not ("alipay.trade.query" or "alipay.trade.close"))
        {
            await AlipayOpenApiResponse.WriteAsync(context, state, "error", Error("40004", "Business Failed", "isv.invalid-method", "不存在的方法名"), sign: false);
            return;
        }

        var merchant = state.FindMerchantByAppId(p.Get("app_id"));
        var (code, subCode, subMessage) = Authenticate(p, merchant);
        JsonElement biz = default;
        if (code is null && !TryBizContent(p.Get("biz_content"), out biz))
        {
            (code, subCode, subMessage) = ("40002", "isv.invalid-parameter", "biz_content 不是合法的 JSON 对象");
        }

        if (code is not null)
        {
            await (isPage
                ? AlipayHtml.ErrorAsync(context, subCode!, subMessage!)
                : AlipayOpenApiResponse.WriteAsync(context, state, method, Error(code, "Invalid Arguments", subCode!, subMessage!), sign: merchant is not null));
            return;
        }

        var fields = biz.EnumerateObject()
            .Where(f => f.Value.ValueKind == JsonValueKind.String)
            .GroupBy(f => f.Name)
            .ToDictionary(g => g.Key, g => g.First().Value.GetString()!, StringComparer.Ordinal);
        await (method switch
        {
            "alipay.trade.page.pay" => PagePayAsync(context, state, merchant!, p, fields),
            "alipay.trade.query" => AlipayOpenApiResponse.WriteAsync(context, state, method, Query(state, merchant!, fields), sign: true),
            _ => AlipayOpenApiResponse.WriteAsync(context, state, method, Close(state, merchant!, fields), sign: true),
        });
    }

    private static (string? Code, string? SubCode, string? SubMessage) Authenticate(Dictionary<string, string> p, AlipayEmulatorMerchant? merchant)
    {
        if (merchant is null)
        {
            return ("40002", "isv.invalid-app-id", "无效的AppID参数");
        }

        if (p.Get("sign_type") != "RSA2")
        {
            return ("40002", "isv.invalid-signature-type", "无效的签名类型");
        }

        if (p.Get("timestamp") is null || p.Get("charset") is not (null or "utf-8" or "UTF-8"))
        {
            return ("40002", "isv.missing-timestamp", "缺少时间戳参数或字符集无效");
        }

        var content = AlipayEmulatorSigning.Content(p, "sign");
        return AlipayEmulatorSigning.Rsa2Matches(content, p.Get("sign"), merchant.AppPublicKey)
            ? (null, null, null)
            : ("40002", "isv.invalid-signature", "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：" + content);
    }

    private static async Task PagePayAsync(HttpContext context, AlipayEmulatorState state, AlipayEmulatorMerchant merchant, Dictionary<string, string> p, Dictionary<string, string> biz)
    {
        var outTradeNo = biz.GetValueOrDefault("out_trade_no");
        var subject = biz.GetValueOrDefault("subject");
        if (string.IsNullOrEmpty(outTradeNo) || outTradeNo.Length > 64 || string.IsNullOrEmpty(subject)
            || biz.GetValueOrDefault("product_code") != "FAST_INSTANT_TRADE_PAY")
        {
            await AlipayHtml.ErrorAsync(context, "isv.invalid-parameter", "out_trade_no、subject 或 product_code 无效");
            return;
        }

        if (!AlipayEmulatorSigning.TryFen(biz.GetValueOrDefault("total_amount"), out var fen) || fen is < 1 or > 100_000_000_00)
        {
            await AlipayHtml.ErrorAsync(context, "isv.invalid-parameter", "total_amount 必须在 0.01 至 100000000.00 之间");
            return;
        }

        var (trade, error) = state.OpenTrade(
            merchant, AlipayEmulatorProtocol.Rsa2, outTradeNo, subject, biz.GetValueOrDefault("body"), fen,
            AlipayGatewayParameters.AbsoluteHttpUrl(p.Get("notify_url")), AlipayGatewayParameters.AbsoluteHttpUrl(p.Get("return_url")),
            biz.GetValueOrDefault("passback_params"), AlipayGatewayParameters.Timeout(biz.GetValueOrDefault("timeout_express")));
        await (trade is null
            ? AlipayHtml.WriteAsync(context, StatusCodes.Status409Conflict, AlipayHtml.Message("无法付款", error!))
            : AlipayHtml.WriteAsync(context, StatusCodes.Status200OK, AlipayHtml.Cashier(trade)));
    }

    private static List<KeyValuePair<string, string>> Query(AlipayEmulatorState state, AlipayEmulatorMerchant merchant, Dictionary<string, string> biz)
    {
        if (state.FindTrade(merchant.Partner, biz.GetValueOrDefault("out_trade_no"), biz.GetValueOrDefault("trade_no")) is not { } trade)
        {
            return Error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }

        var paid = trade.Status is "TRADE_SUCCESS" or "TRADE_FINISHED";
        var amount = AlipayEmulatorSigning.Yuan(trade.TotalFen);
        List<KeyValuePair<string, string>> fields =
        [
            new("code", "10000"),
            new("msg", "Success"),
            new("buyer_logon_id", paid ? "bu***@example.com" : string.Empty),
            new("buyer_pay_amount", paid ? amount : "0.00"),
            new("buyer_user_id", paid ? state.Options.BuyerId : string.Empty),
            new("invoice_amount", paid ? amount : "0.00"),
            new("out_trade_no", trade.OutTradeNo),
            new("point_amount", "0.00"),
            new("receipt_amount", paid ? amount : "0.00"),
            new("send_pay_date", trade.PaidAt is { } at ? AlipayEmulatorSigning.Time(at) : string.Empty),
            new("total_amount", amount),
            new("trade_no", trade.TradeNo),
            new("trade_status", trade.Status),
        ];
        return [.. fields.Where(f => f.Value.Length > 0)];
    }

    private static List<KeyValuePair<string, string>> Close(AlipayEmulatorState state, AlipayEmulatorMerchant merchant, Dictionary<string, string> biz)
    {
        if (state.FindTrade(merchant.Partner, biz.GetValueOrDefault("out_trade_no"), biz.GetValueOrDefault("trade_no")) is not { } trade)
        {
            return Error("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }

        return state.Close(trade) is { } subCode
            ? Error("40004", "Business Failed", subCode, "交易状态不合法")
            : [new("code", "10000"), new("msg", "Success"), new("out_trade_no", trade.OutTradeNo), new("trade_no", trade.TradeNo)];
    }

    private static List<KeyValuePair<string, string>> Error(string code, string msg, string subCode, string subMsg) =>
        [new("code", code), new("msg", msg), new("sub_code", subCode), new("sub_msg", subMsg)];

    private static bool TryBizContent(string? text, out JsonElement biz)
    {
        biz = default;
        try
        {
            using var document = JsonDocument.Parse(text ?? string.Empty);
            biz = document.RootElement.Clone();
            return biz.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
