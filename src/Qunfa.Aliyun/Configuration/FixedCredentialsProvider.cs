namespace Qunfa.Aliyun.Configuration;

/// <summary>Always returns the same credentials; used for per-call overrides.</summary>
public sealed class FixedCredentialsProvider(AliyunCredentials credentials) : IAliyunCredentialsProvider
{
    public ValueTask<AliyunCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(credentials);
}
