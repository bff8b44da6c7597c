namespace Qunfa.Aliyun.Manage;

/// <summary>GetSmsSign answer.</summary>
public sealed record SmsSign(
    string SignName,
    string? SignCode,
    ReviewStatus Status,
    DateTimeOffset? CreateDate,
    string? OrderId,
    string? Remark,
    string? ApplyScene,
    string? SignUsage,
    bool? ThirdParty,
    string? QualificationId,
    string? AuthorizationLetterId,
    bool? AuthorizationLetterAuditPass,
    IReadOnlyList<string> FileUrls,
    IReadOnlyList<CarrierRegistration> CarrierRegistrations);

/// <summary>QuerySmsSign answer (the older call).</summary>
public sealed record SmsSignReview(string SignName, ReviewStatus Status, DateTimeOffset? CreateDate, string? RequestId);

/// <summary>Per-carrier (mobile/unicom/telecom) registration: 0 failed, 1 awaiting check, 2 lapsed, 3 success, −1 in progress, −2 not registered.</summary>
public sealed record CarrierRegistration(string Carrier, int? RegisterStatus, string? Reason);

/// <summary>QuerySmsSignList row.</summary>
public sealed record SmsSignSummary(
    string SignName,
    ReviewStatus Status,
    string? BusinessType,
    DateTimeOffset? CreateDate,
    string? OrderId,
    string? AuthorizationLetterId,
    bool? AuthorizationLetterAuditPass);
