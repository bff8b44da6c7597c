namespace Qunfa.Web.Domain.Messaging;

/// <summary>审核状态 of a signature or template.</summary>
public enum ReviewStatus
{
    /// <summary>待审批: saved, not yet accepted by the carrier.</summary>
    Pending,
    /// <summary>审批中.</summary>
    UnderReview,
    /// <summary>审批通过.</summary>
    Approved,
    /// <summary>审批未通过 (with 失败原因).</summary>
    Rejected,
}
