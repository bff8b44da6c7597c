namespace Qunfa.Aliyun.Configuration;

/// <summary>Supplies the AccessKey used for each call; implement it to read keys that change at runtime (e.g. stored encrypted in a database).</summary>
public interface IAliyunCredentialsProvider
{
    ValueTask<AliyunCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
