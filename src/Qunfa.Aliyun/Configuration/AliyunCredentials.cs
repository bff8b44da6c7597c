namespace Qunfa.Aliyun.Configuration;

/// <summary>An AccessKey pair, optionally with an STS security token.</summary>
public sealed record AliyunCredentials(string AccessKeyId, string AccessKeySecret, string? SecurityToken = null)
{
    public override string ToString() => $"AliyunCredentials {{ AccessKeyId = {AccessKeyId} }}";
}
