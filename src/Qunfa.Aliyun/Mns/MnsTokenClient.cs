using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Mns;

/// <summary>QueryTokenForMnsQueue on the dybaseapi endpoint.</summary>
internal sealed class MnsTokenClient(RpcTransport transport)
{
    public async Task<MnsQueueToken> QueryAsync(MnsQueue queue, AliyunCredentials credentials, CancellationToken cancellationToken)
    {
        var request = new RpcRequest("QueryTokenForMnsQueue", RpcEndpoint.Dybase)
            .Add("MessageType", queue.MessageType)
            .Add("QueueName", queue.QueueName);
        var response = await transport.InvokeAsync(request, credentials, cancellationToken).ConfigureAwait(false);
        return Read(response);
    }

    internal static MnsQueueToken Read(RpcResponse response)
    {
        var dto = response.Root.Payload("MessageTokenDTO", "Data");
        var accessKeyId = dto.Str("AccessKeyId");
        var secret = dto.Str("AccessKeySecret");
        var token = dto.Str("SecurityToken");
        var expire = ChinaTime.Parse(dto.Str("ExpireTime"));
        if (accessKeyId is null || secret is null || token is null || expire is null)
        {
            throw new AliyunApiException("Mns.TokenIncomplete", "QueryTokenForMnsQueue answered without a complete MessageTokenDTO.", response.RequestId, response.HttpStatus, AliyunOutcome.Retryable);
        }

        // Not in the published DTO; an emulator or a future version may supply the account endpoint here.
        var endpoint = dto.Str("MnsEndpoint") ?? dto.Str("Endpoint") ?? response.Root.Str("MnsEndpoint");
        return new MnsQueueToken(
            accessKeyId,
            secret,
            token,
            ChinaTime.Parse(dto.Str("CreateTime")),
            expire.Value,
            Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? RpcTransport.WithTrailingSlash(uri) : null);
    }
}
