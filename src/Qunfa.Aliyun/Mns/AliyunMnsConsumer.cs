using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Mns;

internal sealed class AliyunMnsConsumer(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<AliyunOptions> options,
    MnsTokenClient tokenClient,
    MnsTokenCache tokenCache,
    TimeProvider timeProvider,
    IAliyunCredentialsProvider credentialsProvider) : IAliyunMnsConsumer
{
    public const int MaxBatch = 16;
    public const int MaxWaitSeconds = 30;

    public async Task<IReadOnlyList<MnsMessage>> ReceiveAsync(MnsQueue queue, int maxMessages = MaxBatch, int waitSeconds = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxBatch);
        ArgumentOutOfRangeException.ThrowIfNegative(waitSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(waitSeconds, MaxWaitSeconds);
        var resource = string.Create(CultureInfo.InvariantCulture, $"{QueuePath(queue)}?numOfMessages={maxMessages}&waitseconds={waitSeconds}");
        var (status, body) = await SendAsync(queue, HttpMethod.Get, resource, null, cancellationToken).ConfigureAwait(false);
        if (status == HttpStatusCode.OK)
        {
            return MnsXml.ParseMessages(body);
        }

        var error = MnsXml.ParseError(body);
        return status == HttpStatusCode.NotFound && error.Code == "MessageNotExist" ? [] : throw Failure(status, error);
    }

    public async Task<IReadOnlyList<string>> DeleteAsync(MnsQueue queue, IReadOnlyCollection<string> receiptHandles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receiptHandles);
        var refused = new List<string>();
        foreach (var chunk in receiptHandles.Chunk(MaxBatch))
        {
            refused.AddRange(await DeleteBatchAsync(queue, chunk, cancellationToken).ConfigureAwait(false));
        }

        return refused;
    }

    private async Task<IReadOnlyList<string>> DeleteBatchAsync(MnsQueue queue, string[] receiptHandles, CancellationToken cancellationToken)
    {
        var (status, body) = await SendAsync(queue, HttpMethod.Delete, QueuePath(queue), MnsXml.ReceiptHandles(receiptHandles), cancellationToken).ConfigureAwait(false);
        if (status is HttpStatusCode.NoContent or HttpStatusCode.OK)
        {
            return [];
        }

        // A partial failure lists each refused handle; anything else is a failure of the whole call.
        var refused = string.IsNullOrWhiteSpace(body) ? [] : SafeBatchErrors(body);
        return refused.Count > 0 ? refused.Select(r => r.ReceiptHandle).ToList() : throw Failure(status, MnsXml.ParseError(body));
    }

    public async Task<MnsQueueToken> QueryTokenForMnsQueueAsync(MnsQueue queue, CancellationToken cancellationToken = default)
    {
        var credentials = await credentialsProvider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return await tokenClient.QueryAsync(queue, credentials, cancellationToken).ConfigureAwait(false);
    }

    public IAliyunMnsConsumer WithCredentials(AliyunCredentials credentials) =>
        new AliyunMnsConsumer(httpClientFactory, options, tokenClient, tokenCache, timeProvider, new FixedCredentialsProvider(credentials));

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(MnsQueue queue, HttpMethod method, string resource, string? xmlBody, CancellationToken cancellationToken)
    {
        var credentials = await credentialsProvider.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var token = await tokenCache.GetAsync(queue, credentials, cancellationToken).ConfigureAwait(false);
        var endpoint = options.CurrentValue.MnsEndpoint is { } configured ? RpcTransport.WithTrailingSlash(configured) : token.Endpoint
            ?? throw new InvalidOperationException($"Set {AliyunOptions.SectionName}:MnsEndpoint (the MNS account endpoint).");

        using var request = MnsRequestSigner.Build(method, endpoint, resource, token, timeProvider.GetUtcNow(), xmlBody);
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientNames.Mns).SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                // Usually an expired or revoked STS token: fetch a new one next time.
                tokenCache.Invalidate(queue, credentials);
            }

            return (response.StatusCode, body);
        }
        catch (Exception ex) when (RpcTransport.IsTransportFailure(ex, cancellationToken))
        {
            throw new AliyunApiException("Transport." + ex.GetType().Name, ex.Message, null, 0, AliyunOutcome.Retryable, ex);
        }
    }

    private static string QueuePath(MnsQueue queue) => "/queues/" + Uri.EscapeDataString(queue.QueueName) + "/messages";

    private static IReadOnlyList<(string ReceiptHandle, string? Code)> SafeBatchErrors(string body)
    {
        try
        {
            return MnsXml.ParseBatchDeleteErrors(body);
        }
        catch (System.Xml.XmlException)
        {
            return [];
        }
    }

    private static AliyunApiException Failure(HttpStatusCode status, (string? Code, string? Message, string? RequestId) error) =>
        new(error.Code, error.Message, error.RequestId, (int)status, AliyunErrorMap.Classify(error.Code, (int)status));
}
