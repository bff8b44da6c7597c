using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Domain.Messaging;

/// <summary>A customer's 签名: applied for through the platform, or an approved one assigned by the admin.</summary>
public sealed class Signature
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public string Name { get; set; } = "";
    public SignatureType Type { get; set; }
    public Origin Origin { get; set; }
    /// <summary>签名来源 as Alibaba numbers it (0 企事业单位… 5 企业名称); only for applications.</summary>
    public int Source { get; set; }
    public string? Remark { get; set; }
    /// <summary>是否三证合一.</summary>
    public bool ThreeInOne { get; set; }
    public ReviewStatus Status { get; set; }
    public string? Reason { get; set; }
    /// <summary>The letter that authorizes this signature's third-party use, for applications.</summary>
    public int? AuthorizationLetterId { get; set; }
    /// <summary>OSS keys of supporting files (MoreData), JSON array.</summary>
    public string? MoreData { get; set; }
    /// <summary>Alibaba's order id of the application, when there is one.</summary>
    public string? OrderId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>When the review sync should next ask the carrier; null when nothing is pending.</summary>
    public DateTimeOffset? NextReviewCheckAt { get; set; }
    public int ReviewChecks { get; set; }
}
