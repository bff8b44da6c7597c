using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Sms;

internal sealed class AliyunSmsClient(RpcTransport transport, IAliyunCredentialsProvider credentialsProvider) : IAliyunSmsClient
{
    public Task<SubmitResult> SendSmsAsync(SendSmsRequest request, CancellationToken cancellationToken = default) =>
        SubmitAsync(SendRequestFactory.SendSms(request), cancellationToken);

    public Task<SubmitResult> SendBatchSmsAsync(SendBatchSmsRequest request, CancellationToken cancellationToken = default) =>
        SubmitAsync(SendRequestFactory.SendBatchSms(request), cancellationToken);

    public async Task<SendDetailsPage> QuerySendDetailsAsync(QuerySendDetailsRequest request, CancellationToken cancellationToken = default)
    {
        var rpc = QueryRequestFactory.QuerySendDetails(request);
        var response = await transport.InvokeAsync(rpc, await CredentialsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        return QueryResponseReader.SendDetails(response.Root, response.RequestId);
    }

    public async Task<SendStatisticsPage> QuerySendStatisticsAsync(QuerySendStatisticsRequest request, CancellationToken cancellationToken = default)
    {
        var rpc = QueryRequestFactory.QuerySendStatistics(request);
        var response = await transport.InvokeAsync(rpc, await CredentialsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        return QueryResponseReader.SendStatistics(response.Root, response.RequestId);
    }

    public IAliyunSmsClient WithCredentials(AliyunCredentials credentials) =>
        new AliyunSmsClient(transport, new FixedCredentialsProvider(credentials));

    private async Task<SubmitResult> SubmitAsync(RpcRequest rpc, CancellationToken cancellationToken)
    {
        var credentials = await CredentialsAsync(cancellationToken);
        RpcResponse response;
        try
        {
            response = await transport.SendAsync(rpc, HttpClientNames.Send, credentials, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (RpcTransport.IsTransportFailure(ex, cancellationToken))
        {
            var outcome = AliyunErrorMap.ClassifyTransportFailure(ex, requestMayHaveBeenSent: true);
            return new SubmitResult(outcome, null, null, "Transport." + ex.GetType().Name, ex.Message);
        }

        return new SubmitResult(SubmitOutcome(response), response.Root.Str("BizId"), response.RequestId, response.Code, response.Message);
    }

    // A gateway timeout means the backend may still have accepted the message.
    private static AliyunOutcome SubmitOutcome(RpcResponse response) =>
        response.HttpStatus == 504 && response.Code is null ? AliyunOutcome.Ambiguous : response.Outcome;

    private async Task<AliyunCredentials> CredentialsAsync(CancellationToken cancellationToken) =>
        await credentialsProvider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
}
