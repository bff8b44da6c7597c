using System.Text;
using System.Xml.Linq;

namespace Qunfa.Emulators.Alipay;

/// <summary>mapi.alipay.com/gateway.do: create_direct_pay_by_user, notify_verify, single_trade_query.</summary>
internal static class AlipayMd5Gateway
{
    public static Task HandleAsync(HttpContext context, AlipayEmulatorState state, Dictionary<string, string> p) =>
        p.Get("service") switch
        {
            "notify_verify" => context.Response.WriteAsync(
                state.VerifyNotifyId(p.Get("partner"), p.Get("notify_id")) ? "true" : "false", context.RequestAborted),
            "create_direct_pay_by_user" => CreateAsync(context, state, p),
            "single_trade_query" => QueryAsync(context, state, p),
            _ => AlipayHtml.ErrorAsync(context, "ILLEGAL_SERVICE", "服务接口名称无效"),
        };

    /// <summary>Null when the request is signed by a known partner; otherwise the error code.</summary>
    private static string? Authenticate(AlipayEmulatorState state, Dictionary<string, string> p, out AlipayEmulatorMerchant? merchant)
    {
        merchant = state.FindMerchantByPartner(p.Get("partner"));
        if (merchant is null)
        {
            return "ILLEGAL_PARTNER";
        }

        if (!string.Equals(p.Get("sign_type"), "MD5", StringComparison.OrdinalIgnoreCase))
        {
            return "ILLEGAL_SIGN_TYPE";
        }

        return AlipayEmulatorSigning.Md5Matches(p, merchant.Md5Key) ? null : "ILLEGAL_SIGN";
    }

    private static async Task CreateAsync(HttpContext context, AlipayEmulatorState state, Dictionary<string, string> p)
    {
        if (Authenticate(state, p, out var merchant) is { } authError)
        {
            await AlipayHtml.ErrorAsync(context, authError, "签名或合作者身份验证失败");
            return;
        }

        var outTradeNo = p.Get("out_trade_no");
        var subject = p.Get("subject");
        if (outTradeNo is null || outTradeNo.Length > 64 || subject is null || p.Get("payment_type") != "1")
        {
            await AlipayHtml.ErrorAsync(context, "ILLEGAL_ARGUMENT", "参数 out_trade_no、subject 或 payment_type 无效");
            return;
        }

        if (!TryAmount(p, out var fen) || fen is < 1 or > 100_000_000_00)
        {
            await AlipayHtml.ErrorAsync(context, "ILLEGAL_ARGUMENT", "total_fee 必须在 0.01 至 100000000.00 之间");
            return;
        }

        if (p.Get("seller_id") is { } seller && seller != merchant!.Partner)
        {
            await AlipayHtml.ErrorAsync(context, "SELLER_NOT_EXIST", "卖家不存在");
            return;
        }

        var (trade, error) = state.OpenTrade(
            merchant!, AlipayEmulatorProtocol.Md5, outTradeNo, subject, p.Get("body"), fen,
            AlipayGatewayParameters.AbsoluteHttpUrl(p.Get("notify_url")), AlipayGatewayParameters.AbsoluteHttpUrl(p.Get("return_url")),
            p.Get("extra_common_param"), AlipayGatewayParameters.Timeout(p.Get("it_b_pay")));
        await (trade is null
            ? AlipayHtml.WriteAsync(context, StatusCodes.Status409Conflict, AlipayHtml.Message("无法付款", error!))
            : AlipayHtml.WriteAsync(context, StatusCodes.Status200OK, AlipayHtml.Cashier(trade)));
    }

    private static bool TryAmount(Dictionary<string, string> p, out long fen)
    {
        if (p.Get("total_fee") is { } total)
        {
            return AlipayEmulatorSigning.TryFen(total, out fen);
        }

        fen = 0;
        return AlipayEmulatorSigning.TryFen(p.Get("price"), out var price)
            && int.TryParse(p.Get("quantity") ?? "1", out var quantity) && quantity > 0
            && (fen = price * quantity) > 0;
    }

    private static async Task QueryAsync(HttpContext context, AlipayEmulatorState state, Dictionary<string, string> p)
    {
        var root = new XElement("alipay");
        if (Authenticate(state, p, out var merchant) is { } authError)
        {
            root.Add(new XElement("is_success", "F"), new XElement("error", authError));
        }
        else if (state.FindTrade(merchant!.Partner, p.Get("out_trade_no"), p.Get("trade_no")) is not { } trade)
        {
            root.Add(new XElement("is_success", "F"), new XElement("error", "TRADE_NOT_EXIST"));
        }
        else
        {
            var fields = TradeFields(state, trade);
            root.Add(
                new XElement("is_success", "T"),
                new XElement("request", p.Where(kv => kv.Key is not ("sign" or "sign_type")).Select(kv => new XElement("param", new XAttribute("name", kv.Key), kv.Value))),
                new XElement("response", new XElement("trade", fields.Select(f => new XElement(f.Key, f.Value)))),
                new XElement("sign", AlipayEmulatorSigning.Md5(fields, merchant.Md5Key)),
                new XElement("sign_type", "MD5"));
        }

        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + root.ToString(SaveOptions.DisableFormatting), Encoding.UTF8);
    }

    private static List<KeyValuePair<string, string>> TradeFields(AlipayEmulatorState state, AlipayEmulatorTrade trade)
    {
        var paid = trade.Status is "TRADE_SUCCESS" or "TRADE_FINISHED";
        List<KeyValuePair<string, string>> fields =
        [
            new("body", trade.Body ?? string.Empty),
            new("buyer_email", paid ? state.Options.BuyerEmail : string.Empty),
            new("buyer_id", paid ? state.Options.BuyerId : string.Empty),
            new("discount", "0.00"),
            new("gmt_close", trade.ClosedAt is { } c ? AlipayEmulatorSigning.Time(c) : string.Empty),
            new("gmt_create", AlipayEmulatorSigning.Time(trade.CreatedAt)),
            new("gmt_payment", trade.PaidAt is { } pa ? AlipayEmulatorSigning.Time(pa) : string.Empty),
            new("is_total_fee_adjust", "N"),
            new("out_trade_no", trade.OutTradeNo),
            new("payment_type", "1"),
            new("price", AlipayEmulatorSigning.Yuan(trade.TotalFen)),
            new("quantity", "1"),
            new("seller_email", trade.Merchant.SellerEmail),
            new("seller_id", trade.Merchant.Partner),
            new("subject", trade.Subject),
            new("total_fee", AlipayEmulatorSigning.Yuan(trade.TotalFen)),
            new("trade_no", trade.TradeNo),
            new("trade_status", trade.Status),
            new("use_coupon", "N"),
        ];
        return [.. fields.Where(f => f.Value.Length > 0)];
    }
}
