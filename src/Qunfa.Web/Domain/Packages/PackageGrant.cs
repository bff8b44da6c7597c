using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Domain.Packages;

/// <summary>用户短信包: segments a customer may spend in one category until the end of its expiry date.</summary>
public sealed class PackageGrant
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public SmsCategory Category { get; set; }
    public int Size { get; set; }
    public int Used { get; set; }
    /// <summary>Last day (operator's time zone) on which the grant may be spent.</summary>
    public DateOnly ExpiresOn { get; set; }
    public GrantStatus Status { get; set; }
    public GrantSource Source { get; set; }
    public int? OrderId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public int Remaining => Size - Used;

    public bool IsExpired(DateOnly today) => today > ExpiresOn;

    public bool IsSpendable(DateOnly today) => Status == GrantStatus.Active && !IsExpired(today) && Remaining > 0;
}
