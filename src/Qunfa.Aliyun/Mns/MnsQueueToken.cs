namespace Qunfa.Aliyun.Mns;

/// <summary>STS credentials for one queue (QueryTokenForMnsQueue).</summary>
public sealed record MnsQueueToken(
    string AccessKeyId,
    string AccessKeySecret,
    string SecurityToken,
    DateTimeOffset? CreateTime,
    DateTimeOffset ExpireTime,
    Uri? Endpoint)
{
    public override string ToString() => $"MnsQueueToken {{ AccessKeyId = {AccessKeyId}, ExpireTime = {ExpireTime:O} }}";
}
