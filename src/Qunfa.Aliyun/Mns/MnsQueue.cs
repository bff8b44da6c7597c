namespace Qunfa.Aliyun.Mns;

/// <summary>An Alibaba-managed receipt queue: message type (SmsReport, SmsUp, SignSmsReport, TemplateSmsReport) and queue name.</summary>
public sealed record MnsQueue(string MessageType, string QueueName)
{
    public const string SmsReport = "SmsReport";
    public const string SmsUp = "SmsUp";
    public const string SignSmsReport = "SignSmsReport";
    public const string TemplateSmsReport = "TemplateSmsReport";

    /// <summary>The queue name Alibaba creates for an account: Alicom-Queue-{accountUid}-{messageType}.</summary>
    public static MnsQueue ForAccount(string accountUid, string messageType) =>
        new(messageType, $"Alicom-Queue-{accountUid}-{messageType}");
}
