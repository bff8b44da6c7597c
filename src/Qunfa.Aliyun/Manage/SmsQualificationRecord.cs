namespace Qunfa.Aliyun.Manage;

/// <summary>QuerySmsQualificationRecord filters. State: INT, FAILED, PASSED, NOT_FINISH, CANCELED.</summary>
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
    string? StateName,
    string? WorkOrderId,
    bool? UseBySelf,
    DateTimeOffset? AuditTime);
