using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Uploads;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Infrastructure.Validation;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Qualifications;

/// <summary>
/// The customer's 资质 (one per customer) and its 授权委托书: collected in the console and submitted to
/// the carrier for third-party use of signatures on the operator's account; the review worker follows them up.
/// </summary>
public sealed partial class QualificationService(
    QunfaDbContext db,
    IAliyunSmsManagementClient carrier,
    CarrierState carrierState,
    CarrierFiles files,
    CodeRequestLimiter limiter,
    OperatorClock clock,
    IHttpContextAccessor http,
    ILogger<QualificationService> logger)
{
    public const string NoCarrierMessage = "短信通道尚未配置，请联系平台管理员";
    public const string UnderReviewMessage = "资质正在审核中，请等待审核结果";
    public const string ApprovedMessage = "资质已审核通过，无需重新提交";
    public const string CodeTooSoonMessage = "获取验证码过于频繁：每个手机号每分钟只能获取1次（每小时5次，每天10次），请稍后再试";

    public Task<Qualification?> GetAsync(int customerId, CancellationToken ct) =>
        db.Qualifications.AsNoTracking().Where(q => q.CustomerId == customerId).OrderByDescending(q => q.Id).FirstOrDefaultAsync(ct);

    /// <summary>The customer's approved qualification, which signature applications for third-party use need.</summary>
    public Task<Qualification?> ApprovedForAsync(int customerId, CancellationToken ct) =>
        db.Qualifications.AsNoTracking()
            .Where(q => q.CustomerId == customerId && q.Status == ReviewStatus.Approved)
            .OrderByDescending(q => q.Id).FirstOrDefaultAsync(ct);

    /// <summary>Only a first application, or one the carrier turned down, may be (re)submitted.</summary>
    public static bool CanSubmit(Qualification? q) => q is null || q.Status is ReviewStatus.Pending or ReviewStatus.Rejected;

    /// <summary>Asks the carrier to send its code (RequiredPhoneCode) to the qualification administrator.</summary>
    public async Task<Outcome> SendCodeAsync(int customerId, string? phone, CancellationToken ct)
    {
        phone = phone?.Trim() ?? "";
        if (!ContactRules.IsMobile(phone)) return Outcome.Fail(nameof(QualificationInput.AdminPhone), ContactRules.MobileMessage);
        var refusal = Refusal(await GetAsync(customerId, ct));
        if (refusal is not null) return Outcome.Fail("", refusal);
        if (!limiter.TryAcquire(http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? ""))
            return Outcome.Fail(nameof(QualificationInput.AdminPhone), "请求过于频繁，请稍后再试");
        if (!await CarrierReadyAsync(ct)) return Outcome.Fail("", NoCarrierMessage);
        try
        {
            await carrier.RequiredPhoneCodeAsync(phone, ct);
            return Outcome.Ok();
        }
        catch (AliyunApiException e)
        {
            logger.LogWarning(e, "RequiredPhoneCode refused: {Code}", e.Code);
            return Outcome.Fail(nameof(QualificationInput.AdminPhone), e.Outcome switch
            {
                AliyunOutcome.FlowControlled => CodeTooSoonMessage,
                AliyunOutcome.PermanentNumberFailure => ContactRules.MobileMessage,
                _ => "验证码发送失败，请稍后再试",
            });
        }
    }

    public async Task<Outcome> SubmitAsync(int customerId, QualificationInput input, CancellationToken ct)
    {
        var existing = await db.Qualifications.Where(q => q.CustomerId == customerId).OrderByDescending(q => q.Id).FirstOrDefaultAsync(ct);
        var refusal = Refusal(existing);
        if (refusal is not null) return Outcome.Fail("", refusal);

        var (values, o) = QualificationRules.Check(input, clock.Today);
        // The images are checked before anything is uploaded, so every problem shows at once.
        await CheckImageAsync(o, nameof(input.LicensePic), input.LicensePic, existing?.LicensePicKey, ct);
        await CheckImageAsync(o, nameof(input.AdminIdCardFront), input.AdminIdCardFront, existing?.AdminIdCardFrontKey, ct);
        await CheckImageAsync(o, nameof(input.AdminIdCardBack), input.AdminIdCardBack, existing?.AdminIdCardBackKey, ct);
        if (!o.Succeeded || values is null) return o;
        if (!await CarrierReadyAsync(ct)) return Outcome.Fail("", NoCarrierMessage);

        var licence = await UploadOrKeepAsync(o, nameof(input.LicensePic), input.LicensePic, existing?.LicensePicKey, ct);
        var front = await UploadOrKeepAsync(o, nameof(input.AdminIdCardFront), input.AdminIdCardFront, existing?.AdminIdCardFrontKey, ct);
        var back = await UploadOrKeepAsync(o, nameof(input.AdminIdCardBack), input.AdminIdCardBack, existing?.AdminIdCardBackKey, ct);
        if (!o.Succeeded || licence is null || front is null || back is null) return o;

        var now = clock.UtcNow;
        var name = CarrierNames.For(values.CompanyName, "资质", customerId, now);
        string? carrierId;
        try
        {
            carrierId = await carrier.SubmitSmsQualificationAsync(Application(values, name, licence, front, back), ct);
        }
        catch (AliyunApiException e)
        {
            logger.LogWarning(e, "SubmitSmsQualification refused: {Code}", e.Code);
            return Outcome.Fail("", Messaging.CarrierRefusal.Message(e, "资质提交失败"));
        }

        var row = existing ?? db.Qualifications.Add(new Qualification { CustomerId = customerId, CreatedAt = now }).Entity;
        Fill(row, values, name, licence, front, back);
        row.CarrierId = carrierId;
        row.WorkOrderId = null;
        row.Status = ReviewStatus.UnderReview;
        row.Reason = null;
        row.ReviewChecks = 0;
        row.NextReviewCheckAt = now + ReviewStatusMap.NextCheckAfter(0);
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return o;
    }

    private static string? Refusal(Qualification? q) => q?.Status switch
    {
        ReviewStatus.UnderReview => UnderReviewMessage,
        ReviewStatus.Approved => ApprovedMessage,
        _ => null,
    };

    private async Task<bool> CarrierReadyAsync(CancellationToken ct) =>
        carrierState.Current.IsConfigured || (await carrierState.RefreshAsync(ct)).IsConfigured;

    private static async Task CheckImageAsync(Outcome o, string field, IFormFile? file, string? previousKey, CancellationToken ct)
    {
        if (file is null && !string.IsNullOrEmpty(previousKey)) return;
        var (_, error) = await ImageUpload.ReadMaterialAsync(file, ct);
        if (error is not null) o.Add(field, error);
    }

    private async Task<string?> UploadOrKeepAsync(Outcome o, string field, IFormFile? file, string? previousKey, CancellationToken ct)
    {
        if (file is null && !string.IsNullOrEmpty(previousKey)) return previousKey;
        var (key, error) = await files.UploadAsync(file, CarrierFiles.Purpose.Qualification, ct);
        if (key is null) o.Add(field, error ?? CarrierFiles.UploadFailedMessage);
        return key;
    }


    private static SmsQualificationApplication Application(QualificationRules.Checked v, string name, string licence, string front, string back) => new()
    {
        QualificationName = name,
        UseBySelf = false,
        WhetherShare = false,
        CompanyName = v.CompanyName,
        CompanyType = v.CompanyType,
        OrganizationCode = v.OrganizationCode,
        BusinessLicenseExpDate = v.LicenseValidity,
        LegalPersonName = v.LegalPersonName,
        LegalPersonIdCardNo = v.LegalPersonIdCardNo,
        LegalPersonIdCardType = v.LegalPersonIdCardType,
        LegalPersonIdCardEffTime = v.LegalPersonIdCardValidity,
        AdminName = v.AdminName,
        AdminIdCardNo = v.AdminIdCardNo,
        AdminIdCardType = v.AdminIdCardType,
        AdminIdCardExpDate = v.AdminIdCardValidity,
        // The carrier's names are the other way round: AdminIDCardPic is the portrait side, …FrontFace the emblem side.
        AdminIdCardPic = front,
        AdminIdCardFrontFace = back,
        AdminPhoneNo = v.AdminPhone,
        CertifyCode = v.Code,
        BusinessLicensePics = [new BusinessLicensePic(v.CompanyType == QualificationRules.Company ? "businessLicense" : "socialCreditLicense", licence)],
    };

    private static void Fill(Qualification row, QualificationRules.Checked v, string name, string licence, string front, string back)
    {
        row.Name = name;
        row.CompanyName = v.CompanyName;
        row.CompanyType = v.CompanyType;
        row.OrganizationCode = v.OrganizationCode;
        row.LicenseValidity = v.LicenseValidity;
        row.LegalPersonName = v.LegalPersonName;
        row.LegalPersonIdCardType = v.LegalPersonIdCardType;
        row.LegalPersonIdCardNo = v.LegalPersonIdCardNo;
        row.LegalPersonIdCardValidity = v.LegalPersonIdCardValidity;
        row.AdminName = v.AdminName;
        row.AdminIdCardType = v.AdminIdCardType;
        row.AdminIdCardNo = v.AdminIdCardNo;
        row.AdminIdCardValidity = v.AdminIdCardValidity;
        row.AdminPhone = v.AdminPhone;
        row.LicensePicKey = licence;
        row.AdminIdCardFrontKey = front;
        row.AdminIdCardBackKey = back;
    }
}
