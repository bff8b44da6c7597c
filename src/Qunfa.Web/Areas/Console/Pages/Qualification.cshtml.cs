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
public sealed class QualificationModel(QualificationService qualifications, HeldImages held, CurrentCustomer current, OperatorClock clock, IStringLocalizer<SharedResource> localizer)
    : AccountPageModel(localizer)
{
    [BindProperty]
    public QualificationInput Input { get; set; } = new();

    public Qualification? Existing { get; private set; }

    public bool CanSubmit => QualificationService.CanSubmit(Existing);

    public OperatorClock Clock => clock;

    /// <summary>Each image held from an earlier post, by field.</summary>
    public Dictionary<string, HeldImages.Held> Kept { get; } = [];

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
        await HoldImagesAsync(ct);
        return AfterCodeSent(await qualifications.SendCodeAsync(current.Id, Input.AdminPhone, ct), Input.AdminPhone);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        UseHeldImages();
        var outcome = await qualifications.SubmitAsync(current.Id, Input, ct);
        if (!outcome.Succeeded)
        {
            Existing = await qualifications.GetAsync(current.Id, ct);
            await HoldImagesAsync(ct);
            return Refused(outcome);
        }
        TempData["Saved"] = "资质已提交，请等待审核";
        return Redirect("/console/qualification");
    }

    private (string Field, Func<IFormFile?> File, Action<IFormFile?> SetFile, Func<string?> Token, Action<string?> SetToken)[] Images =>
    [
        (nameof(Input.LicensePic), () => Input.LicensePic, f => Input.LicensePic = f, () => Input.LicensePicHeld, t => Input.LicensePicHeld = t),
        (nameof(Input.AdminIdCardFront), () => Input.AdminIdCardFront, f => Input.AdminIdCardFront = f, () => Input.AdminIdCardFrontHeld, t => Input.AdminIdCardFrontHeld = t),
        (nameof(Input.AdminIdCardBack), () => Input.AdminIdCardBack, f => Input.AdminIdCardBack = f, () => Input.AdminIdCardBackHeld, t => Input.AdminIdCardBackHeld = t),
    ];

    /// <summary>An image not chosen again is the one held from the earlier post.</summary>
    private void UseHeldImages()
    {
        foreach (var image in Images)
            if (image.File() is null && held.Find(current.Id, image.Token(), "Input." + image.Field) is { } file)
            {
                image.SetFile(file);
                Kept[image.Field] = new(image.Token()!, file.FileName);
            }
    }

    /// <summary>Keeps what was chosen now (or held before) so that the form coming back does not lose it.</summary>
    private async Task HoldImagesAsync(CancellationToken ct)
    {
        foreach (var image in Images)
        {
            if (Kept.ContainsKey(image.Field)) continue;
            var kept = image.File() is { } file ? await held.HoldAsync(current.Id, file, ct)
                : held.Describe(current.Id, image.Token(), image.Field);
            if (kept is null) continue;
            image.SetToken(kept.Token);
            Kept[image.Field] = kept;
        }
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
