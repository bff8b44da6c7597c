using Microsoft.Extensions.Options;
using Polly.Timeout;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Errors;

namespace Qunfa.Aliyun.Rpc;

/// <summary>Signs and sends RPC requests; HTTP error statuses come back as responses, transport failures as exceptions.</summary>
internal sealed class RpcTransport(IHttpClientFactory httpClientFactory, IOptionsMonitor<AliyunOptions> options, TimeProvider timeProvider)
{
    public async Task<RpcResponse> SendAsync(RpcRequest request, string clientName, AliyunCredentials credentials, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var endpoint = EndpointOf(request.Endpoint, current);

        // QueryTokenForMnsQueue is documented as RPC V1 only.
        var version = request.Endpoint == RpcEndpoint.Dybase ? AliyunSignatureVersion.V1 : current.SignatureVersion;
        using var message = RpcRequestSigner.Build(request, endpoint, credentials, version, current.RegionId, timeProvider.GetUtcNow(), Guid.NewGuid().ToString());
        var client = httpClientFactory.CreateClient(clientName);
        using var response = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return RpcResponse.Parse((int)response.StatusCode, body);
    }

    /// <summary>For read-only and management calls: retried when transient, any failure becomes an <see cref="AliyunApiException"/>.</summary>
    public async Task<RpcResponse> InvokeAsync(RpcRequest request, AliyunCredentials credentials, CancellationToken cancellationToken)
    {
        var pipeline = QueryRetryPipeline.Build(options.CurrentValue, timeProvider);
        RpcResponse response;
        try
        {
            response = await pipeline.ExecuteAsync(
                async token =>
                {
                    try
                    {
                        return await SendAsync(request, HttpClientNames.Query, credentials, token).ConfigureAwait(false);
                    }
                    // Cancellation passes through so that the total timeout is reported as a timeout.
                    catch (Exception ex) when (ex is not OperationCanceledException && IsTransportFailure(ex, cancellationToken))
                    {
                        throw new AliyunApiException("Transport." + ex.GetType().Name, ex.Message, null, 0, AliyunOutcome.Retryable, ex);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new AliyunApiException("Transport.Timeout", ex.Message, null, 0, AliyunOutcome.Retryable, ex);
        }

        return response.EnsureSuccess();
    }

    public static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException or IOException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    public static Uri EndpointOf(RpcEndpoint endpoint, AliyunOptions options) => endpoint switch
    {
        RpcEndpoint.Dybase => WithTrailingSlash(options.DybaseEndpoint),
        _ => WithTrailingSlash(options.SmsEndpoint),
    };

    public static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}
