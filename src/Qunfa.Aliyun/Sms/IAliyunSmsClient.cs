using Qunfa.Aliyun.Configuration;

namespace Qunfa.Aliyun.Sms;

/// <summary>Sending and delivery queries (Dysmsapi 2017-05-25).</summary>
public interface IAliyunSmsClient
{
    /// <summary>Submits once, never retried automatically. Validation errors throw <see cref="ArgumentException"/>; every other outcome is in the result.</summary>
    Task<SubmitResult> SendSmsAsync(SendSmsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Submits once, never retried automatically; see <see cref="SendSmsAsync"/>.</summary>
    Task<SubmitResult> SendBatchSmsAsync(SendBatchSmsRequest request, CancellationToken cancellationToken = default);

    /// <exception cref="Errors.AliyunApiException">The query failed.</exception>
    Task<SendDetailsPage> QuerySendDetailsAsync(QuerySendDetailsRequest request, CancellationToken cancellationToken = default);

    /// <exception cref="Errors.AliyunApiException">The query failed.</exception>
    Task<SendStatisticsPage> QuerySendStatisticsAsync(QuerySendStatisticsRequest request, CancellationToken cancellationToken = default);

    /// <summary>A client that signs with the given AccessKey instead of the registered provider.</summary>
    IAliyunSmsClient WithCredentials(AliyunCredentials credentials);
}
