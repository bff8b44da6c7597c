using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Domain.Messaging;

/// <summary>
/// A customer's company qualification (资质), submitted to the carrier so that the operator may use
/// signatures on the customer's behalf. Files are kept as the carrier's OSS keys.
/// </summary>
public sealed class Qualification
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    /// <summary>QualificationName, unique at the carrier.</summary>
    public string Name { get; set; } = "";
    public string CompanyName { get; set; } = "";
    /// <summary>COMPANY or NON_PROFIT_ORGANIZATION.</summary>
    public string CompanyType { get; set; } = "COMPANY";
    /// <summary>统一社会信用代码.</summary>
    public string OrganizationCode { get; set; } = "";
    /// <summary>营业执照有效期, `YYYY-MM-DD~YYYY-MM-DD` (permanent ends 2099-12-31).</summary>
    public string LicenseValidity { get; set; } = "";
    public string LegalPersonName { get; set; } = "";
    public string LegalPersonIdCardType { get; set; } = "identityCard";
    public string LegalPersonIdCardNo { get; set; } = "";
    public string LegalPersonIdCardValidity { get; set; } = "";
    public string AdminName { get; set; } = "";
    public string AdminIdCardType { get; set; } = "identityCard";
    public string AdminIdCardNo { get; set; } = "";
    public string AdminIdCardValidity { get; set; } = "";
    public string AdminPhone { get; set; } = "";
    public string LicensePicKey { get; set; } = "";
    public string AdminIdCardBackKey { get; set; } = "";
    public string AdminIdCardFrontKey { get; set; } = "";
    /// <summary>The carrier's qualification (group) id once submitted.</summary>
    public string? CarrierId { get; set; }
    public string? WorkOrderId { get; set; }
    public ReviewStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? NextReviewCheckAt { get; set; }
    public int ReviewChecks { get; set; }
}
