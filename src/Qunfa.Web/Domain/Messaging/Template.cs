using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Domain.Messaging;

/// <summary>A customer's 模板: content with ${var} variables and the carrier's TemplateCode once known.</summary>
public sealed class Template
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public string Name { get; set; } = "";
    public TemplateType Type { get; set; }
    public Origin Origin { get; set; }
    public string? TemplateCode { get; set; }
    public string Content { get; set; } = "";
    /// <summary>申请说明.</summary>
    public string? Remark { get; set; }
    public string? RelatedSignName { get; set; }
    public ReviewStatus Status { get; set; }
    public string? Reason { get; set; }
    public string? OrderId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? NextReviewCheckAt { get; set; }
    public int ReviewChecks { get; set; }
}
