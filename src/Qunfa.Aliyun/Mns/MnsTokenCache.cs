using System.Collections.Concurrent;
using Qunfa.Aliyun.Configuration;

namespace Qunfa.Aliyun.Mns;

/// <summary>One STS token per (account key, queue), refreshed 2 minutes before it expires.</summary>
internal sealed class MnsTokenCache(MnsTokenClient client, TimeProvider timeProvider)
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, MnsQueueToken> tokens = new();
    private readonly SemaphoreSlim refreshLock = new(1, 1);

    public async Task<MnsQueueToken> GetAsync(MnsQueue queue, AliyunCredentials credentials, CancellationToken cancellationToken)
    {
        var key = KeyOf(queue, credentials);
        if (tokens.TryGetValue(key, out var cached) && IsFresh(cached))
        {
            return cached;
        }

        await refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (tokens.TryGetValue(key, out cached) && IsFresh(cached))
            {
                return cached;
            }

            var token = await client.QueryAsync(queue, credentials, cancellationToken).ConfigureAwait(false);
            tokens[key] = token;
            return token;
        }
        finally
        {
            refreshLock.Release();
        }
    }

    /// <summary>Drops a token the server refused, so the next call fetches a new one.</summary>
    public void Invalidate(MnsQueue queue, AliyunCredentials credentials) => tokens.TryRemove(KeyOf(queue, credentials), out _);

    private bool IsFresh(MnsQueueToken token) => timeProvider.GetUtcNow() < token.ExpireTime - RefreshMargin;

    private static string KeyOf(MnsQueue queue, AliyunCredentials credentials) =>
        $"{credentials.AccessKeyId}\n{queue.MessageType}\n{queue.QueueName}";
}
