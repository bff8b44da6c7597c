namespace Qunfa.Aliyun.Sms;

/// <summary>Details for one number on one day (within the last 30 days), optionally narrowed to one submission.</summary>
public sealed record QuerySendDetailsRequest(
    string PhoneNumber,
    DateOnly SendDate,
    string? BizId = null,
    int PageSize = 50,
    int CurrentPage = 1);
