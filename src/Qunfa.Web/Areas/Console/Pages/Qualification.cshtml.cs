using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Qualifications;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Pages.Account;

namespace Qunfa.Web.Areas.Console.Pages;

/// <summary>资质管理: the customer's qualification, its review state, and the form to submit or correct it.</summary>
[RequestSizeLimit(24 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 24 * 1024 * 1024)]
public sealed class QualificationModel(QualificationService qualifications, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer)
    : AccountPageModel(localizer)
{
    [BindProperty]
    public QualificationInput Input { get; set; } = new();

    public Qualification? Existing { get; private set; }

    public bool CanSubmit => QualificationService.CanSubmit(Existing);

    public OperatorClock Clock => clock;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Existing = await qualifications.GetAsync(current.Id, ct);
        Input = Existing is null
            ? new QualificationInput { CompanyName = (await current.GetAsync(ct))?.CompanyName }
            : FromRow(Existing);
    }

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        Existing = await qualifications.GetAsync(current.Id, ct);
        return AfterCodeSent(await qualifications.SendCodeAsync(current.Id, Input.AdminPhone, ct), Input.AdminPhone);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await qualifications.SubmitAsync(current.Id, Input, ct);
        if (!outcome.Succeeded)
        {
            Existing = await qualifications.GetAsync(current.Id, ct);
            return Refused(outcome);
        }
        TempData["Saved"] = "资质已提交，请等待审核";
        return Redirect("/console/qualification");
    }

    /// <summary>Only the last four characters of an ID number are shown back.</summary>
    public static string Mask(string? value) => value is { Length: > 4 } ? new string('*', value.Length - 4) + value[^4..] : value ?? "";

    private static QualificationInput FromRow(Qualification q) => new()
    {
        CompanyName = q.CompanyName,
        CompanyType = q.CompanyType,
        OrganizationCode = q.OrganizationCode,
        LicenseValidity = ValidityRange.Display(q.LicenseValidity),
        LegalPersonName = q.LegalPersonName,
        LegalPersonIdCardType = q.LegalPersonIdCardType,
        LegalPersonIdCardNo = q.LegalPersonIdCardNo,
        LegalPersonIdCardValidity = ValidityRange.Display(q.LegalPersonIdCardValidity),
        AdminName = q.AdminName,
        AdminIdCardType = q.AdminIdCardType,
        AdminIdCardNo = q.AdminIdCardNo,
        AdminIdCardValidity = ValidityRange.Display(q.AdminIdCardValidity),
        AdminPhone = q.AdminPhone,
    };
}
