using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Oss;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Manage;

internal sealed partial class AliyunSmsManagementClient(
    RpcTransport transport,
    OssPostObjectUploader uploader,
    IAliyunCredentialsProvider credentialsProvider) : IAliyunSmsManagementClient
{
    public IAliyunSmsManagementClient WithCredentials(AliyunCredentials credentials) =>
        new AliyunSmsManagementClient(transport, uploader, new FixedCredentialsProvider(credentials));

    private async Task<RpcResponse> InvokeAsync(RpcRequest request, CancellationToken cancellationToken)
    {
        var credentials = await credentialsProvider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return await transport.InvokeAsync(request, credentials, cancellationToken).ConfigureAwait(false);
    }
}
