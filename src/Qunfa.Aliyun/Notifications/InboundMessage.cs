namespace Qunfa.Aliyun.Notifications;

/// <summary>A reply from a handset (SmsUp). <see cref="SignName"/> only comes with HTTP push.</summary>
public sealed record InboundMessage(
    string PhoneNumber,
    string Content,
    DateTimeOffset? SendTime,
    string? DestCode,
    string? SequenceId,
    string? SignName);
