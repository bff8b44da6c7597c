namespace Qunfa.Aliyun.Oss;

/// <summary>Temporary PostObject credentials from GetOSSInfoForUploadFile / GetQualificationOssInfo.</summary>
public sealed record OssUploadPolicy(
    string AccessKeyId,
    string Policy,
    string Signature,
    Uri Host,
    string StartPath,
    DateTimeOffset? ExpireTime)
{
    public override string ToString() => $"OssUploadPolicy {{ Host = {Host}, StartPath = {StartPath} }}";
}
