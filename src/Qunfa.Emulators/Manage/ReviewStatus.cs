namespace Qunfa.Emulators.Manage;

/// <summary>Numeric values as GetSmsSign / GetSmsTemplate report them.</summary>
internal enum ReviewStatus
{
    Reviewing = 0,
    Approved = 1,
    Rejected = 2,
    Cancelled = 10,
}

internal static class ReviewStatusText
{
    public static string ListAuditStatus(ReviewStatus s, bool template) => s switch
    {
        ReviewStatus.Reviewing => "AUDIT_STATE_INIT",
        ReviewStatus.Approved => "AUDIT_STATE_PASS",
        ReviewStatus.Rejected => "AUDIT_STATE_NOT_PASS",
        _ => template ? "AUDIT_SATE_CANCEL" : "AUDIT_STATE_CANCEL",
    };

    public static string ReportStatus(ReviewStatus s) => s switch
    {
        ReviewStatus.Approved => "approved",
        ReviewStatus.Rejected => "rejected",
        _ => "approving",
    };
}
