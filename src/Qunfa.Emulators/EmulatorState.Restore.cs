using System.Globalization;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Manage;
using Qunfa.Emulators.Sms;

namespace Qunfa.Emulators;

/// <summary>
/// Re-registration of what a carrier already held, for an emulator that lives only as long as its host (the
/// platform's sandbox carrier after a restart). Whatever is already known is left alone; whatever was still
/// under review is reviewed again, as if it had just been submitted.
/// </summary>
public sealed partial class EmulatorState
{
    public void RestoreSign(string signName, int signType, EmulatorReviewState review, long qualificationId = 0, long? authorizationLetterId = null, string? accessKeyId = null)
    {
        var account = Account(accessKeyId);
        var (status, reason, audited) = Decision(review);
        var sign = new SignRecord
        {
            Name = signName,
            OrderId = Ids.OrderId(),
            CreateDate = Time.GetUtcNow(),
            SignType = signType,
            QualificationId = qualificationId,
            ThirdParty = authorizationLetterId is not null,
            AuthorizationLetterId = authorizationLetterId,
            Status = status,
            RejectReason = reason,
            AuditDate = audited,
        };
        if (account.Signs.TryAdd(signName, sign) && sign.Status == ReviewStatus.Reviewing) Reviews.Sign(account, sign);
    }

    /// <summary>templateType: 0 verification, 1 notification, 2 promotion, 3 international.</summary>
    public void RestoreTemplate(string templateCode, string name, string content, int templateType, string relatedSignName, EmulatorReviewState review, string? accessKeyId = null)
    {
        var account = Account(accessKeyId);
        var (status, reason, audited) = Decision(review);
        var template = new TemplateRecord
        {
            Code = templateCode,
            OrderId = Ids.OrderId(),
            CreateDate = Time.GetUtcNow(),
            Name = name,
            Content = content,
            Type = templateType,
            RelatedSignName = relatedSignName,
            Variables = TemplateText.Variables(content),
            Status = status,
            RejectReason = reason,
            AuditDate = audited,
        };
        if (account.Templates.TryAdd(templateCode, template) && template.Status == ReviewStatus.Reviewing) Reviews.Template(account, template);
    }

    public void RestoreQualification(long id, string name, string companyName, string organizationCode, EmulatorReviewState review, string? workOrderId = null, string? accessKeyId = null)
    {
        var (status, reason, audited) = Decision(review);
        var record = new QualificationRecord
        {
            Id = id,
            Name = name,
            CompanyName = companyName,
            OrganizationCode = organizationCode,
            WorkOrderId = workOrderId ?? Ids.OrderId(),
            CreateDate = Time.GetUtcNow(),
            State = StateText(status),
            AuditRemark = reason,
            AuditTime = audited,
        };
        if (Account(accessKeyId).Qualifications.TryAdd(id, record) && record.State == "INT") Reviews.Qualification(record);
    }

    public void RestoreAuthorizationLetter(
        long id, string name, string grantor, string grantee, string organizationCode, string validity, IEnumerable<string> signNames,
        EmulatorReviewState review, string? accessKeyId = null)
    {
        var (status, reason, _) = Decision(review);
        var letter = new AuthorizationLetterRecord
        {
            Id = id,
            Name = name,
            Authorization = grantor,
            ProxyAuthorization = grantee,
            OrganizationCode = organizationCode,
            ExpDate = validity,
            Pic = "emulator/letter.png",
            SignList = signNames.ToArray(),
            State = StateText(status),
            AuditRemark = reason,
        };
        if (Account(accessKeyId).Letters.TryAdd(id, letter) && letter.State == "INT") Reviews.Letter(letter);
    }

    private (ReviewStatus Status, string Reason, DateTimeOffset? Audited) Decision(EmulatorReviewState review) => review.Status switch
    {
        1 => (ReviewStatus.Approved, "", Time.GetUtcNow()),
        2 => (ReviewStatus.Rejected, review.Reason, Time.GetUtcNow()),
        _ => (ReviewStatus.Reviewing, "", null),
    };

    private static string StateText(ReviewStatus s) => s switch
    {
        ReviewStatus.Approved => "PASSED",
        ReviewStatus.Rejected => "FAILED",
        _ => "INT",
    };
}
