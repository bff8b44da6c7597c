namespace Qunfa.Aliyun.Errors;

/// <summary>What the platform should do after an Alibaba Cloud call.</summary>
public enum AliyunOutcome
{
    /// <summary>Accepted (Code = OK).</summary>
    Ok,

    /// <summary>This number will never succeed (invalid, unsupported); other numbers may.</summary>
    PermanentNumberFailure,

    /// <summary>The request itself is wrong or not allowed (signature, template, account, parameters); fix before resending.</summary>
    PermanentRequestFailure,

    /// <summary>Transient; safe to resend because Alibaba did not accept the request.</summary>
    Retryable,

    /// <summary>Per-number or quota flow control; resend only after the window has passed, never at once.</summary>
    FlowControlled,

    /// <summary>The request may or may not have been accepted (timeout or dropped connection after sending); look for the receipt before any resend.</summary>
    Ambiguous,
}
