namespace Qunfa.Aliyun.Manage;

/// <summary>QuerySmsQualificationRecord filters. State: INIT, NOT_PASS, PASS, NOT_FINISH, CANCEL.</summary>
public sealed record SmsQualificationQuery(
    int PageNo = 1,
    int PageSize = 50,
    string? QualificationGroupName = null,
    string? CompanyName = null,
    string? LegalPersonName = null,
    string? State = null,
    string? WorkOrderId = null);

public sealed record SmsQualificationRecord(
    string GroupId,
    string? QualificationGroupName,
    string? CompanyName,
    ReviewStatus Status,
    string? AuditRemark,
    string? WorkOrderId,
    bool? UseBySelf,
    DateTimeOffset? AuditTime,
    DateTimeOffset? CreateDate);
