namespace Qunfa.Emulators.Alipay;

/// <summary>One POST of a notification to a merchant's notify_url, as recorded by the emulator.</summary>
public sealed record AlipayNotificationAttempt(
    string OutTradeNo,
    string NotifyId,
    int Attempt,
    bool IsDuplicateOrReplay,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    int? StatusCode,
    string? ResponseBody,
    DateTimeOffset At)
{
    /// <summary>Alipay stops retrying only on the exact body "success".</summary>
    public bool Acknowledged => StatusCode is >= 200 and < 300 && ResponseBody == "success";
}
