using System.Net;
using System.Text;

namespace Qunfa.Emulators.Alipay;

/// <summary>Plain server-rendered pages: no scripts or inline styles (the CSP forbids them), forms only.</summary>
internal static class AlipayHtml
{
    private const string Csp = "default-src 'none'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'";

    public static string Cashier(AlipayEmulatorTrade trade)
    {
        var body = new StringBuilder()
            .Append("<h1>支付宝收银台（模拟器）</h1>")
            .Append("<dl>")
            .Append("<dt>收款方</dt><dd id=\"merchant\">").Append(E(trade.Merchant.Name)).Append("（").Append(E(trade.Merchant.Partner)).Append("）</dd>")
            .Append("<dt>订单号</dt><dd id=\"out-trade-no\">").Append(E(trade.OutTradeNo)).Append("</dd>")
            .Append("<dt>商品名称</dt><dd id=\"subject\">").Append(E(trade.Subject)).Append("</dd>")
            .Append("<dt>金额</dt><dd id=\"amount\">￥").Append(AlipayEmulatorSigning.Yuan(trade.TotalFen)).Append("</dd>")
            .Append("</dl>")
            .Append("<form method=\"post\" action=\"cashier/").Append(E(trade.TradeNo)).Append("/pay\"><button type=\"submit\">付款</button></form>")
            .Append("<form method=\"post\" action=\"cashier/").Append(E(trade.TradeNo)).Append("/cancel\"><button type=\"submit\">取消</button></form>");
        return Page("支付宝收银台", body.ToString());
    }

    public static string Message(string title, string message, Uri? link = null, string? linkText = null)
    {
        var body = $"<h1>{E(title)}</h1><p id=\"message\">{E(message)}</p>";
        if (link is not null)
        {
            body += $"<p><a href=\"{E(link.AbsoluteUri)}\">{E(linkText ?? "返回商户")}</a></p>";
        }

        return Page(title, body);
    }

    public static Task WriteAsync(HttpContext context, int statusCode, string html)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = Csp;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.WriteAsync(html, Encoding.UTF8);
    }

    public static Task ErrorAsync(HttpContext context, string code, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, Message("支付请求错误", $"错误代码 {code}：{message}"));

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body>{body}</body></html>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
