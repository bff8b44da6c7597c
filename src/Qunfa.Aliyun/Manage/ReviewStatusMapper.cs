namespace Qunfa.Aliyun.Manage;

/// <summary>Alibaba spells review states four different ways depending on the operation.</summary>
internal static class ReviewStatusMapper
{
    /// <summary>SignStatus / TemplateStatus: 0 under review, 1 approved, 2 rejected, 10 cancelled.</summary>
    public static ReviewStatus FromNumeric(string? status, string? reason) => new(status?.Trim() switch
    {
        "0" => ReviewState.UnderReview,
        "1" => ReviewState.Approved,
        "2" => ReviewState.Rejected,
        "10" => ReviewState.Cancelled,
        _ => ReviewState.Unknown,
    }, NullIfEmpty(reason));

    /// <summary>List AuditStatus, including the templates' AUDIT_SATE_CANCEL misspelling.</summary>
    public static ReviewStatus FromAuditStatus(string? status, string? reason) => new(status?.Trim().ToUpperInvariant() switch
    {
        "AUDIT_STATE_INIT" => ReviewState.UnderReview,
        "AUDIT_STATE_PASS" => ReviewState.Approved,
        "AUDIT_STATE_NOT_PASS" => ReviewState.Rejected,
        "AUDIT_STATE_CANCEL" or "AUDIT_SATE_CANCEL" => ReviewState.Cancelled,
        _ => ReviewState.Unknown,
    }, NullIfEmpty(reason));

    /// <summary>SignSmsReport / TemplateSmsReport: approving, approved, rejected.</summary>
    public static ReviewStatus FromReportStatus(string? status, string? reason) => new(status?.Trim().ToLowerInvariant() switch
    {
        "approving" => ReviewState.UnderReview,
        "approved" => ReviewState.Approved,
        "rejected" => ReviewState.Rejected,
        _ => ReviewState.Unknown,
    }, NullIfEmpty(reason));

    /// <summary>Qualification StateName (INIT, NOT_PASS, PASS, NOT_FINISH, CANCEL) and letter State (INT, PASSED); older spellings FAILED/CANCELED too.</summary>
    public static ReviewStatus FromQualificationState(string? state, string? reason) => new(state?.Trim().ToUpperInvariant() switch
    {
        "INIT" or "INT" => ReviewState.UnderReview,
        "PASS" or "PASSED" => ReviewState.Approved,
        "NOT_PASS" or "FAILED" => ReviewState.Rejected,
        "NOT_FINISH" => ReviewState.Pending,
        "CANCEL" or "CANCELED" or "CANCELLED" => ReviewState.Cancelled,
        _ => ReviewState.Unknown,
    }, NullIfEmpty(reason));

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
