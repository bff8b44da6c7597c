using Qunfa.Aliyun.Configuration;

namespace Qunfa.Aliyun.Mns;

/// <summary>Consumes Alibaba's receipt queues (SmsReport, SmsUp, review reports) over MNS with per-queue STS tokens.</summary>
public interface IAliyunMnsConsumer
{
    /// <summary>BatchReceiveMessage with long polling; an empty queue yields an empty list.</summary>
    /// <param name="maxMessages">1 to 16.</param>
    /// <param name="waitSeconds">0 to 30.</param>
    Task<IReadOnlyList<MnsMessage>> ReceiveAsync(MnsQueue queue, int maxMessages = 16, int waitSeconds = 10, CancellationToken cancellationToken = default);

    /// <summary>BatchDeleteMessage, in calls of at most 16 handles.</summary>
    /// <returns>The receipt handles MNS refused (e.g. ReceiptHandleError after the visibility timeout).</returns>
    Task<IReadOnlyList<string>> DeleteAsync(MnsQueue queue, IReadOnlyCollection<string> receiptHandles, CancellationToken cancellationToken = default);

    /// <summary>QueryTokenForMnsQueue, uncached.</summary>
    Task<MnsQueueToken> QueryTokenForMnsQueueAsync(MnsQueue queue, CancellationToken cancellationToken = default);

    IAliyunMnsConsumer WithCredentials(AliyunCredentials credentials);
}
