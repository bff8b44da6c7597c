namespace Qunfa.Aliyun.Sms;

public sealed record QuerySendStatisticsRequest(
    DateOnly StartDate,
    DateOnly EndDate,
    bool International = false,
    int PageIndex = 1,
    int PageSize = 50,
    int? TemplateType = null,
    string? SignName = null);
