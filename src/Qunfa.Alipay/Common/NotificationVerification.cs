using System.Diagnostics.CodeAnalysis;

namespace Qunfa.Alipay.Common;

public enum VerificationFailure
{
    None = 0,
    MissingSign,
    WrongSignType,
    BadSignature,
    MissingField,
    InvalidField,
    /// <summary>notify_verify answered something other than "true": forged, expired, or already acknowledged with "success".</summary>
    NotifyIdRejected,
    /// <summary>notify_verify could not be reached; answer non-"success" so that Alipay retries.</summary>
    NotifyVerifyUnavailable,
    /// <summary>app_id differs from the configured app: a notification meant for someone else's app.</summary>
    AppIdMismatch,
    NotConfigured,
}

public sealed record NotificationVerification
{
    private NotificationVerification(PaymentNotification? notification, VerificationFailure failure, string? reason)
    {
        Notification = notification;
        Failure = failure;
        Reason = reason;
    }

    /// <summary>
    /// Set when valid, and also when only notify_verify failed (the signature and fields were fine): Alipay invalidates a
    /// notify_id once acknowledged, so a repeat of an already-processed notification lands here and may be answered
    /// "success" if it changes nothing. Never grant on it.
    /// </summary>
    public PaymentNotification? Notification { get; }

    public VerificationFailure Failure { get; }

    public string? Reason { get; }

    [MemberNotNullWhen(true, nameof(Notification))]
    public bool IsValid => Failure == VerificationFailure.None && Notification is not null;

    public static NotificationVerification Valid(PaymentNotification notification) =>
        new(notification ?? throw new ArgumentNullException(nameof(notification)), VerificationFailure.None, null);

    public static NotificationVerification Invalid(VerificationFailure failure, string reason, PaymentNotification? signedNotification = null) =>
        failure == VerificationFailure.None
            ? throw new ArgumentOutOfRangeException(nameof(failure))
            : new(signedNotification, failure, reason);

    public override string ToString() => IsValid ? $"valid {Notification.OrderNumber}" : $"{Failure}: {Reason}";
}
