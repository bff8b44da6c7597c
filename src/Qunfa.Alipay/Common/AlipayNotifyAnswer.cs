namespace Qunfa.Alipay.Common;

/// <summary>The plain-text body to answer a notification with. Anything but exactly "success" makes Alipay retry.</summary>
public static class AlipayNotifyAnswer
{
    /// <summary>Answer only after the order was updated (or already was): the same notify_id may arrive again.</summary>
    public const string Success = "success";

    /// <summary>Answer when verification failed or the notification could not be processed yet.</summary>
    public const string Failure = "fail";

    public const string ContentType = "text/plain; charset=utf-8";
}
