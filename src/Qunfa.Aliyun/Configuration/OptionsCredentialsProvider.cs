using Microsoft.Extensions.Options;

namespace Qunfa.Aliyun.Configuration;

/// <summary>Reads the AccessKey from <see cref="AliyunOptions"/> on every call so configuration reloads apply.</summary>
public sealed class OptionsCredentialsProvider(IOptionsMonitor<AliyunOptions> options) : IAliyunCredentialsProvider
{
    public ValueTask<AliyunCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (string.IsNullOrEmpty(current.AccessKeyId) || string.IsNullOrEmpty(current.AccessKeySecret))
        {
            throw new InvalidOperationException(
                $"No Aliyun AccessKey configured: set {AliyunOptions.SectionName}:AccessKeyId/AccessKeySecret or register an {nameof(IAliyunCredentialsProvider)}.");
        }

        return ValueTask.FromResult(new AliyunCredentials(current.AccessKeyId, current.AccessKeySecret));
    }
}
