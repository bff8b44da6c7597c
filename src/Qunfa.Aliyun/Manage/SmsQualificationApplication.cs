namespace Qunfa.Aliyun.Manage;

/// <summary>SubmitSmsQualification parameters; images are OSS keys from <see cref="IAliyunSmsManagementClient.GetQualificationOssInfoAsync"/>.</summary>
public sealed record SmsQualificationApplication
{
    public required string QualificationName { get; init; }

    /// <summary>False for a reseller's customers.</summary>
    public required bool UseBySelf { get; init; }

    public required bool WhetherShare { get; init; }

    public required string CompanyName { get; init; }

    /// <summary>COMPANY or NON_PROFIT_ORGANIZATION.</summary>
    public string CompanyType { get; init; } = "COMPANY";

    /// <summary>Unified social credit code.</summary>
    public required string OrganizationCode { get; init; }

    /// <summary>YYYY-MM-DD~YYYY-MM-DD; permanent = ...~2099-12-31.</summary>
    public required string BusinessLicenseExpDate { get; init; }

    public required string LegalPersonName { get; init; }

    public required string LegalPersonIdCardNo { get; init; }

    public string LegalPersonIdCardType { get; init; } = "identityCard";

    public string? LegalPersonIdCardEffTime { get; init; }

    /// <summary>Needed only when Alibaba cannot verify the legal person's name and ID number.</summary>
    public string? LegalPersonIdCardFrontSide { get; init; }

    public string? LegalPersonIdCardBackSide { get; init; }

    public required string AdminName { get; init; }

    public required string AdminIdCardNo { get; init; }

    public string AdminIdCardType { get; init; } = "identityCard";

    public string? AdminIdCardExpDate { get; init; }

    public string? AdminIdCardPic { get; init; }

    public string? AdminIdCardFrontFace { get; init; }

    public required string AdminPhoneNo { get; init; }

    /// <summary>Code received through RequiredPhoneCode.</summary>
    public required string CertifyCode { get; init; }

    /// <summary>Required when <see cref="UseBySelf"/> is false. Type: socialCreditLicense, businessLicense, signLegalLicense, otherLicense.</summary>
    public IReadOnlyList<BusinessLicensePic> BusinessLicensePics { get; init; } = [];

    public IReadOnlyList<string>? OtherFiles { get; init; }

    public string? Remark { get; init; }
}

public sealed record BusinessLicensePic(string Type, string LicensePic);
