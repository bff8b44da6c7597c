namespace Qunfa.Emulators.Alipay;

public enum AmountTamperMode
{
    None,

    /// <summary>The amount is changed after signing: the signature no longer matches.</summary>
    AfterSigning,

    /// <summary>The amount is changed and the notification re-signed: only the merchant's amount check can catch it.</summary>
    Resigned,
}

/// <summary>Test hooks, read when a notification is built or delivered. Thread-safe enough for tests: set before paying.</summary>
public sealed class AlipayEmulatorFaults
{
    /// <summary>Extra copies of every notification sent after the merchant answered success (same notify_id).</summary>
    public int DuplicateNotifications { get; set; }

    public AmountTamperMode TamperAmount { get; set; }

    /// <summary>The amount written into tampered notifications.</summary>
    public long TamperedAmountFen { get; set; } = 1;

    public void Reset()
    {
        DuplicateNotifications = 0;
        TamperAmount = AmountTamperMode.None;
        TamperedAmountFen = 1;
    }
}
