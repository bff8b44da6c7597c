namespace Qunfa.Emulators.Mns;

internal static class MnsMessageTypes
{
    public const string SmsReport = "SmsReport";
    public const string SmsUp = "SmsUp";
    public const string SignSmsReport = "SignSmsReport";
    public const string TemplateSmsReport = "TemplateSmsReport";

    public static readonly string[] All = [SmsReport, SmsUp, SignSmsReport, TemplateSmsReport];

    public static string QueueName(string accountUid, string messageType) => $"Alicom-Queue-{accountUid}-{messageType}";
}
