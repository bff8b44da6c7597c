namespace Qunfa.Aliyun.Sms;

public sealed record SendStatisticsDay(
    DateOnly? Date,
    long TotalCount,
    long RespondedSuccessCount,
    long RespondedFailCount,
    long NoRespondedCount);

public sealed record SendStatisticsPage(long TotalSize, IReadOnlyList<SendStatisticsDay> Days, string? RequestId);
