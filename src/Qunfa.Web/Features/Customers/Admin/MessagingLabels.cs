using Qunfa.Web.Domain.Messaging;

namespace Qunfa.Web.Features.Customers.Admin;

/// <summary>Labels the admin's signature and template pages add to <c>ReviewStatusMap</c>'s (resource keys, Chinese).</summary>
public static class MessagingLabels
{
    public static string Origin(Origin origin) => origin == Domain.Messaging.Origin.Assigned ? "管理员分配" : "用户申请";

    public static string StatusClass(ReviewStatus status) => status switch
    {
        ReviewStatus.Approved => "text-success",
        ReviewStatus.Rejected => "text-danger",
        ReviewStatus.UnderReview => "text-primary",
        _ => "text-secondary",
    };

    public static readonly ReviewStatus[] Statuses = [ReviewStatus.Pending, ReviewStatus.UnderReview, ReviewStatus.Approved, ReviewStatus.Rejected];

    public static readonly TemplateType[] TemplateTypes = [TemplateType.VerificationCode, TemplateType.Notification, TemplateType.Promotion, TemplateType.International];
}
