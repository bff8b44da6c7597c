using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Domain.Packages;

/// <summary>
/// 订单: a customer buying a package. The product's terms are copied in, so a later change or
/// deletion of the product never changes what was bought. Money in fen.
/// </summary>
public sealed class Order
{
    public int Id { get; set; }
    /// <summary>16 characters, unique, not guessable in sequence.</summary>
    public string OrderNumber { get; set; } = "";
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public int? ProductId { get; set; }
    public string ProductName { get; set; } = "";
    public SmsCategory Category { get; set; }
    public int Size { get; set; }
    public int ValidityMonths { get; set; }
    /// <summary>商品金额.</summary>
    public long GoodsAmountFen { get; set; }
    /// <summary>订单金额, after 改价.</summary>
    public long AmountFen { get; set; }
    public OrderStatus Status { get; set; }
    public PaymentProtocol Protocol { get; set; }
    /// <summary>
    /// The gateway 支付配置 pointed at when the order was made (real Alipay or the sandbox). Only a payment through that
    /// same gateway is ever applied: the sandbox's keys are public, so its notifications must never pay a real order.
    /// </summary>
    public Settings.CarrierKind Gateway { get; set; }
    /// <summary>支付宝流水号.</summary>
    public string? TradeNo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? VoidedAt { get; set; }
    /// <summary>When an unpaid order is next asked about at Alipay before it may be voided.</summary>
    public DateTimeOffset? NextPaymentCheckAt { get; set; }
}
