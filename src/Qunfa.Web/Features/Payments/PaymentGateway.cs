using Qunfa.Alipay.Common;
using Qunfa.Alipay.Md5;
using Qunfa.Alipay.Rsa2;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.Web.Features.Payments;

/// <summary>The web app's use of the Alipay clients, always with the 支付配置 just read from the database.</summary>
public sealed class PaymentGateway(PaymentSettingsState settings, AlipayMd5Client md5, AlipayRsa2Client rsa2)
{
    public const string NotifyMd5Path = "/api/alipay/notify/md5";
    public const string NotifyRsa2Path = "/api/alipay/notify/rsa2";
    public const string ReturnPath = "/console/orders/return";

    public Task<PaymentSnapshot> RefreshAsync(CancellationToken ct) => settings.RefreshAsync(ct);

    /// <summary>The signed browser request for <paramref name="order"/> with the protocol 支付配置 chooses now.</summary>
    public PaymentForm CreatePayment(PaymentSnapshot snapshot, Order order, TimeSpan payTimeout)
    {
        var request = new PaymentRequest
        {
            OrderNumber = order.OrderNumber,
            Subject = Subject(order),
            TotalFen = order.AmountFen,
            NotifyUrl = snapshot.Callback(snapshot.Protocol == PaymentProtocol.Md5 ? NotifyMd5Path : NotifyRsa2Path),
            ReturnUrl = snapshot.Callback(ReturnPath),
            PayTimeout = payTimeout,
        };
        return snapshot.Protocol == PaymentProtocol.Md5 ? md5.CreatePayment(request) : rsa2.CreatePagePay(request);
    }

    /// <summary>Verifies the browser return (signature, and notify_verify for MD5). Never enough to grant.</summary>
    public async Task<NotificationVerification> VerifyReturnAsync(IReadOnlyList<KeyValuePair<string, string>> query, CancellationToken ct)
    {
        await settings.RefreshAsync(ct);
        var signType = query.FirstOrDefault(p => p.Key == "sign_type").Value;
        return string.Equals(signType, "RSA2", StringComparison.Ordinal)
            ? rsa2.VerifyReturn(query)
            : await md5.VerifyReturnAsync(query, ct);
    }

    public bool CanQuery(PaymentSnapshot snapshot, PaymentProtocol protocol) =>
        protocol == PaymentProtocol.Md5 ? snapshot.Md5.IsConfigured : snapshot.Rsa2.IsConfigured;

    /// <summary>single_trade_query / alipay.trade.query; throws <see cref="AlipayException"/> when Alipay cannot answer.</summary>
    public Task<TradeQueryResult> QueryAsync(Order order, CancellationToken ct) =>
        order.Protocol == PaymentProtocol.Md5
            ? md5.QueryTradeAsync(order.OrderNumber, ct: ct)
            : rsa2.QueryTradeAsync(order.OrderNumber, ct: ct);

    /// <summary>alipay.trade.close for RSA2 orders (the partner protocol has no close; its trades time out by it_b_pay).</summary>
    public async Task<TradeCloseResult?> CloseAsync(Order order, CancellationToken ct) =>
        order.Protocol == PaymentProtocol.Rsa2 ? await rsa2.CloseTradeAsync(order.OrderNumber, ct: ct) : null;

    public static string Subject(Order order)
    {
        var subject = $"短信包 {order.ProductName} {order.Size}条";
        return subject.Length > 128 ? subject[..128] : subject;
    }
}
