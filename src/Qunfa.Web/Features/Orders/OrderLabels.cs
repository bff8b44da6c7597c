using Qunfa.Alipay.Common;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.Web.Features.Orders;

/// <summary>How orders are named on screen and in the export (resource keys, the manual's Chinese).</summary>
public static class OrderLabels
{
    public static readonly OrderStatus[] Statuses = [OrderStatus.Unpaid, OrderStatus.Paid, OrderStatus.Void];

    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Unpaid => "未支付",
        OrderStatus.Paid => "已支付",
        OrderStatus.Void => "已作废",
        _ => status.ToString(),
    };

    public static string StatusClass(OrderStatus status) => status switch
    {
        OrderStatus.Paid => "text-success",
        OrderStatus.Void => "text-secondary",
        _ => "text-danger",
    };

    public static string Category(SmsCategory category) => category switch
    {
        SmsCategory.General => "通用类",
        SmsCategory.Notification => "通知类",
        SmsCategory.Promotion => "推广类",
        SmsCategory.VerificationCode => "验证码",
        _ => category.ToString(),
    };

    /// <summary>Yuan with two decimals (380.00, 0.01).</summary>
    public static string Yuan(long fen) => AlipayMoney.FormatYuan(Math.Max(0, fen));

    public static OrderStatus? ParseStatus(string? text) =>
        Enum.TryParse<OrderStatus>(text, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
}
