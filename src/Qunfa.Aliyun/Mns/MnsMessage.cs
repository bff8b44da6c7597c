namespace Qunfa.Aliyun.Mns;

/// <summary>A received MNS message; <see cref="Body"/> is already Base64-decoded to the JSON text.</summary>
public sealed record MnsMessage(
    string MessageId,
    string ReceiptHandle,
    string Body,
    string? BodyMd5,
    DateTimeOffset? EnqueueTime,
    DateTimeOffset? NextVisibleTime,
    DateTimeOffset? FirstDequeueTime,
    int DequeueCount,
    int? Priority);
