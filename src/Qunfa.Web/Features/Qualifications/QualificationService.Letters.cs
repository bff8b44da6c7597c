using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Infrastructure.Validation;
using ReviewStatus = Qunfa.Web.Domain.Messaging.ReviewStatus;

namespace Qunfa.Web.Features.Qualifications;

public sealed partial class QualificationService
{
    public const string NoApprovedQualificationMessage = "请先提交资质并等待审核通过";

    /// <summary>
    /// 授权委托书 from the customer (grantor: its approved qualification's company and credit code) to the
    /// operator (grantee) for <paramref name="signNames"/>; submitted to the carrier and saved 审批中.
    /// Messages are keyed SignNames, LetterImage, Validity or "".
    /// </summary>
    public async Task<(AuthorizationLetter? Letter, Outcome Outcome)> CreateLetterAsync(
        int customerId, IReadOnlyList<string> signNames, IFormFile? letterImage, string? validity, CancellationToken ct)
    {
        var o = new Outcome();
        var signs = signNames.Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (signs.Count == 0) o.Add("SignNames", "请选择要授权的签名");
        else if (signs.Count > SmsAuthorizationLetterApplication.MaxSigns) o.Add("SignNames", "一份授权委托书最多包含100个签名");
        else if (string.Join('、', signs).Length > 2000) o.Add("SignNames", "签名名称总长度过长");
        var (range, problem) = ValidityRange.Parse(validity, clock.Today);
        if (problem != ValidityRange.Problem.None) o.Add("Validity", problem switch
        {
            ValidityRange.Problem.Missing => "请填写授权有效期",
            ValidityRange.Problem.Order => "授权有效期的结束日期不能早于开始日期",
            ValidityRange.Problem.Expired => "授权有效期已过",
            _ => "授权有效期格式为YYYY-MM-DD~YYYY-MM-DD，长期有效填YYYY-MM-DD~长期",
        });
        var qualification = await ApprovedForAsync(customerId, ct);
        if (qualification is null) o.Add("", NoApprovedQualificationMessage);
        var grantee = await OperatorCompanyAsync(ct);
        if (grantee.Length == 0) o.Add("", "平台的公司名称尚未设置，请联系平台管理员");
        if (!o.Succeeded || qualification is null || range is null) return (null, o);
        if (!await CarrierReadyAsync(ct)) return (null, Outcome.Fail("", NoCarrierMessage));

        var (key, error) = await files.UploadAsync(letterImage, CarrierFiles.Purpose.Qualification, ct);
        if (key is null) return (null, Outcome.Fail("LetterImage", error ?? CarrierFiles.UploadFailedMessage));

        var now = clock.UtcNow;
        var name = CarrierNames.For(qualification.CompanyName, "授权书", customerId, now);
        string? carrierId;
        try
        {
            carrierId = await carrier.CreateSmsAuthorizationLetterAsync(new SmsAuthorizationLetterApplication(
                qualification.CompanyName, grantee, qualification.OrganizationCode, name, range, key, signs), ct);
        }
        catch (AliyunApiException e)
        {
            logger.LogWarning(e, "CreateSmsAuthorizationLetter refused: {Code}", e.Code);
            return (null, Outcome.Fail("", Messaging.CarrierRefusal.Message(e, "授权委托书提交失败")));
        }

        var letter = new AuthorizationLetter
        {
            CustomerId = customerId,
            Name = name,
            Grantor = qualification.CompanyName,
            Grantee = grantee,
            OrganizationCode = qualification.OrganizationCode,
            Validity = range,
            PicKey = key,
            SignNames = string.Join('、', signs),
            CarrierId = carrierId,
            Status = ReviewStatus.UnderReview,
            CreatedAt = now,
            UpdatedAt = now,
            NextReviewCheckAt = now + ReviewStatusMap.NextCheckAfter(0),
        };
        db.AuthorizationLetters.Add(letter);
        await db.SaveChangesAsync(ct);
        return (letter, o);
    }

    /// <summary>The grantee is the operator: the company of its portal profile, else the one of the licence step.</summary>
    private async Task<string> OperatorCompanyAsync(CancellationToken ct)
    {
        var portal = await db.PortalProfiles.AsNoTracking().Where(p => p.Id == PortalProfile.SingletonId).Select(p => p.CompanyName).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(portal)) return portal.Trim();
        var licensee = await db.Installations.AsNoTracking().Where(i => i.Id == Installation.SingletonId).Select(i => i.CompanyName).FirstOrDefaultAsync(ct);
        return licensee?.Trim() ?? "";
    }
}
