using System.Text.RegularExpressions;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Qualifications;

/// <summary>The checks of the 资质 form, as strict as the carrier's so that a refusal comes from us, in Chinese, beside the field.</summary>
public static partial class QualificationRules
{
    public const string Company = "COMPANY";
    public const string NonProfit = "NON_PROFIT_ORGANIZATION";
    public const string IdentityCard = "identityCard";

    public static readonly IReadOnlyList<(string Value, string Label)> CompanyTypes =
        [(Company, "企业"), (NonProfit, "政府机关或事业单位")];

    public static readonly IReadOnlyList<(string Value, string Label)> IdCardTypes =
    [
        (IdentityCard, "居民身份证"),
        ("passport", "护照"),
        ("homeReturnPermit", "港澳居民来往内地通行证"),
        ("TaiwanCompatriotPermit", "台湾居民来往大陆通行证"),
        ("residencePermit", "港澳台居民居住证"),
        ("other", "其他"),
    ];

    public sealed record Checked(
        string CompanyName, string CompanyType, string OrganizationCode, string LicenseValidity,
        string LegalPersonName, string LegalPersonIdCardType, string LegalPersonIdCardNo, string LegalPersonIdCardValidity,
        string AdminName, string AdminIdCardType, string AdminIdCardNo, string AdminIdCardValidity, string AdminPhone, string Code);

    public static (Checked? Value, Outcome Outcome) Check(QualificationInput input, DateOnly today)
    {
        var o = new Outcome();
        var company = CompanyName(o, input.CompanyName);
        var type = Choice(o, nameof(input.CompanyType), input.CompanyType, CompanyTypes, "请选择企业类型");
        var code = CreditCode(o, input.OrganizationCode);
        var licence = Validity(o, nameof(input.LicenseValidity), input.LicenseValidity, "营业执照有效期", today);
        var legalName = PersonName(o, nameof(input.LegalPersonName), input.LegalPersonName, "法人姓名");
        var legalType = Choice(o, nameof(input.LegalPersonIdCardType), input.LegalPersonIdCardType, IdCardTypes, "请选择法人证件类型");
        var legalNo = IdNumber(o, nameof(input.LegalPersonIdCardNo), input.LegalPersonIdCardNo, legalType, "法人证件号码");
        var legalValidity = Validity(o, nameof(input.LegalPersonIdCardValidity), input.LegalPersonIdCardValidity, "法人证件有效期", today);
        var adminName = PersonName(o, nameof(input.AdminName), input.AdminName, "管理员姓名");
        var adminType = Choice(o, nameof(input.AdminIdCardType), input.AdminIdCardType, IdCardTypes, "请选择管理员证件类型");
        var adminNo = IdNumber(o, nameof(input.AdminIdCardNo), input.AdminIdCardNo, adminType, "管理员证件号码");
        var adminValidity = Validity(o, nameof(input.AdminIdCardValidity), input.AdminIdCardValidity, "管理员证件有效期", today);
        var phone = input.AdminPhone?.Trim() ?? "";
        if (phone.Length == 0) o.Add(nameof(input.AdminPhone), "请填写管理员手机号");
        else if (!ContactRules.IsMobile(phone)) o.Add(nameof(input.AdminPhone), ContactRules.MobileMessage);
        var certify = input.Code?.Trim() ?? "";
        if (certify.Length == 0) o.Add(nameof(input.Code), "请输入验证码");
        else if (!CodePattern().IsMatch(certify)) o.Add(nameof(input.Code), "验证码应为4-8位数字");

        return o.Succeeded
            ? (new Checked(company!, type!, code!, licence!, legalName!, legalType!, legalNo!, legalValidity!,
                adminName!, adminType!, adminNo!, adminValidity!, phone, certify), o)
            : (null, o);
    }

    private static string? CompanyName(Outcome o, string? value)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0) o.Add("CompanyName", "请填写企业名称");
        else if (name.Length > 150) o.Add("CompanyName", "企业名称不能超过150个字符");
        else if (!CompanyNamePattern().IsMatch(name) || name.All(char.IsAsciiDigit))
            o.Add("CompanyName", "企业名称只能包含中文、英文、数字、中点·、括号和空格，且不能为纯数字");
        else return name;
        return null;
    }

    private static string? Choice(Outcome o, string field, string? value, IReadOnlyList<(string Value, string Label)> choices, string message)
    {
        var v = value?.Trim();
        if (choices.Any(c => c.Value == v)) return v;
        o.Add(field, message);
        return null;
    }

    private static string? CreditCode(Outcome o, string? value)
    {
        var code = value?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0) o.Add("OrganizationCode", "请填写统一社会信用代码");
        else if (!CreditCodePattern().IsMatch(code)) o.Add("OrganizationCode", "统一社会信用代码应为18位数字或大写字母");
        else if (!IdentityNumbers.CreditCodeChecks(code)) o.Add("OrganizationCode", "统一社会信用代码校验位不正确，请核对");
        else return code;
        return null;
    }

    private static string? PersonName(Outcome o, string field, string? value, string label)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0) o.Add(field, $"请填写{label}");
        else if (!PersonNamePattern().IsMatch(name)) o.Add(field, $"{label}只能包含文字、中点·和空格，长度2-30个字符");
        else return name;
        return null;
    }

    private static string? IdNumber(Outcome o, string field, string? value, string? type, string label)
    {
        var number = value?.Trim().ToUpperInvariant() ?? "";
        if (number.Length == 0) o.Add(field, $"请填写{label}");
        else if (type == IdentityCard && !IdentityNumbers.IsResidentId(number)) o.Add(field, $"{label}不是有效的18位居民身份证号码");
        else if (type != IdentityCard && !OtherIdPattern().IsMatch(number)) o.Add(field, $"{label}应为5-30位字母、数字或括号");
        else return number;
        return null;
    }

    private static string? Validity(Outcome o, string field, string? value, string label, DateOnly today)
    {
        var (range, problem) = ValidityRange.Parse(value, today);
        switch (problem)
        {
            case ValidityRange.Problem.Missing: o.Add(field, $"请填写{label}"); break;
            case ValidityRange.Problem.Format: o.Add(field, $"{label}格式为YYYY-MM-DD~YYYY-MM-DD，长期有效填YYYY-MM-DD~长期"); break;
            case ValidityRange.Problem.Order: o.Add(field, $"{label}的结束日期不能早于开始日期"); break;
            case ValidityRange.Problem.Expired: o.Add(field, $"{label}已过期"); break;
        }
        return range;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}·【】（）() ]+$")]
    private static partial Regex CompanyNamePattern();

    [GeneratedRegex(@"^[0-9A-HJ-NPQRTUWXY]{18}$")]
    private static partial Regex CreditCodePattern();

    [GeneratedRegex(@"^[\p{L}][\p{L}·•. ]{0,28}[\p{L}]$")]
    private static partial Regex PersonNamePattern();

    [GeneratedRegex(@"^[A-Z0-9()（）]{5,30}$")]
    private static partial Regex OtherIdPattern();

    [GeneratedRegex(@"^\d{4,8}$")]
    private static partial Regex CodePattern();
}
