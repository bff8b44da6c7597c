using System.Globalization;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.Web.Features.Packages;

/// <summary>分配短信包: 包规格, 有效截止日期 (yyyy-MM-dd), 类型.</summary>
public sealed class AllocateInput
{
    public string? Size { get; set; }
    public string? ExpiresOn { get; set; }
    public SmsCategory? Category { get; set; }
}

/// <summary>修改 (分配记录): 包规格, 有效截止日期, 使用量, 状态.</summary>
public sealed class GrantEditInput
{
    public string? Size { get; set; }
    public string? ExpiresOn { get; set; }
    public string? Used { get; set; }
    public GrantStatus? Status { get; set; }
    /// <summary>The 使用量 the form was filled from; sends may have spent more since.</summary>
    public int SeenUsed { get; set; }

    public static GrantEditInput From(PackageGrant g) => new()
    {
        Size = g.Size.ToString(CultureInfo.InvariantCulture),
        ExpiresOn = NumberText.Date(g.ExpiresOn),
        Used = g.Used.ToString(CultureInfo.InvariantCulture),
        Status = g.Status,
        SeenUsed = g.Used,
    };
}

/// <summary>One 用户短信包 as the lists show it (分配记录, 财务管理, the customer's own list).</summary>
public sealed class GrantRow
{
    public int Id { get; init; }
    public int CustomerId { get; init; }
    public string CompanyName { get; init; } = "";
    public string Email { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public SmsCategory Category { get; init; }
    public int Size { get; init; }
    public int Used { get; init; }
    public DateOnly ExpiresOn { get; init; }
    public GrantStatus Status { get; init; }
    public GrantSource Source { get; init; }
    /// <summary>订单ID: the order number of a purchase (none once the order is deleted).</summary>
    public string? OrderNumber { get; init; }

    public int Remaining => Size - Used;
}

/// <summary>One category's balance: Σ remaining over Active, unexpired grants (<see cref="BalanceRule.Balance"/>).</summary>
public sealed record CategoryBalance(SmsCategory Category, long Balance);
