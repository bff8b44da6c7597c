namespace Qunfa.Aliyun.Sms;

/// <summary>One row of QuerySendDetails.</summary>
public sealed record SendDetail(
    string PhoneNumber,
    DeliveryState State,
    string? ErrorCode,
    string? TemplateCode,
    string? Content,
    DateTimeOffset? SendTime,
    DateTimeOffset? ReceiveTime,
    string? OutId);

public sealed record SendDetailsPage(long TotalCount, IReadOnlyList<SendDetail> Items, string? RequestId);
