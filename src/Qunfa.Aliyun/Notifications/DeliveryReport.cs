using Qunfa.Aliyun.Sms;

namespace Qunfa.Aliyun.Notifications;

/// <summary>A carrier receipt (SmsReport). May arrive more than once: ingest idempotently by BizId + PhoneNumber.</summary>
public sealed record DeliveryReport(
    string PhoneNumber,
    string? BizId,
    string? OutId,
    DeliveryState State,
    string? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset? SendTime,
    DateTimeOffset? ReportTime,
    int? Segments);
