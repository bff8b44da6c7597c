using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Oss;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Manage;

internal sealed partial class AliyunSmsManagementClient
{
    public async Task<OssUploadPolicy> GetOssInfoForUploadFileAsync(string bizType = "fcMediaSms", CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync(new RpcRequest("GetOSSInfoForUploadFile").Add("BizType", bizType), cancellationToken).ConfigureAwait(false);
        return PolicyFrom(response);
    }

    public async Task<OssUploadPolicy> GetQualificationOssInfoAsync(string bizType = "dysms", CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync(new RpcRequest("GetQualificationOssInfo").Add("BizType", bizType), cancellationToken).ConfigureAwait(false);
        return PolicyFrom(response);
    }

    public Task<string> UploadFileAsync(OssUploadPolicy policy, string fileName, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        return uploader.UploadAsync(policy, fileName, content, contentType, cancellationToken);
    }

    internal static OssUploadPolicy PolicyFrom(RpcResponse response)
    {
        var model = response.Root.Payload("Model", "Data");
        var host = model.Str("Host");
        if (string.IsNullOrEmpty(host) || model.Str("Policy") is not { } policy || model.Str("Signature") is not { } signature)
        {
            throw new AliyunApiException("Oss.PolicyMissing", "The upload policy answer lacks Host, Policy or Signature.", response.RequestId, response.HttpStatus, AliyunOutcome.PermanentRequestFailure);
        }

        // Alibaba sometimes returns the bucket host without a scheme.
        var hostUri = host.Contains("://", StringComparison.Ordinal) ? new Uri(host) : new Uri("https://" + host);
        return new OssUploadPolicy(
            model.Str("AccessKeyId") ?? string.Empty,
            policy,
            signature,
            hostUri,
            model.Str("StartPath") ?? string.Empty,
            ExpireTimeOf(model.Str("ExpireTime") ?? model.Str("Expire")));
    }

    // Epoch seconds (ExpireTime in GetOSSInfoForUploadFile, Expire in GetQualificationOssInfo); tolerate a date string too.
    private static DateTimeOffset? ExpireTimeOf(string? text) =>
        long.TryParse(text, out var seconds) && text!.Length <= 11
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : ChinaTime.Parse(text);
}
