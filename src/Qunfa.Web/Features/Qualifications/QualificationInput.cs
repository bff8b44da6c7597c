namespace Qunfa.Web.Features.Qualifications;

/// <summary>The 资质 form as posted: the customer's company, legal person, administrator and the three images.</summary>
public sealed class QualificationInput
{
    public string? CompanyName { get; set; }
    public string? CompanyType { get; set; } = QualificationRules.Company;
    public string? OrganizationCode { get; set; }
    public string? LicenseValidity { get; set; }
    public string? LegalPersonName { get; set; }
    public string? LegalPersonIdCardType { get; set; } = QualificationRules.IdentityCard;
    public string? LegalPersonIdCardNo { get; set; }
    public string? LegalPersonIdCardValidity { get; set; }
    public string? AdminName { get; set; }
    public string? AdminIdCardType { get; set; } = QualificationRules.IdentityCard;
    public string? AdminIdCardNo { get; set; }
    public string? AdminIdCardValidity { get; set; }
    public string? AdminPhone { get; set; }
    /// <summary>The code the carrier sent to <see cref="AdminPhone"/> (CertifyCode).</summary>
    public string? Code { get; set; }
    public IFormFile? LicensePic { get; set; }
    /// <summary>人像面.</summary>
    public IFormFile? AdminIdCardFront { get; set; }
    /// <summary>国徽面.</summary>
    public IFormFile? AdminIdCardBack { get; set; }
    /// <summary>Tokens of images chosen in an earlier post of this form (<see cref="HeldImages"/>).</summary>
    public string? LicensePicHeld { get; set; }
    public string? AdminIdCardFrontHeld { get; set; }
    public string? AdminIdCardBackHeld { get; set; }
}
