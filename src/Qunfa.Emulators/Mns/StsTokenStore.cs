using System.Collections.Concurrent;
using Qunfa.Emulators.Infrastructure;

namespace Qunfa.Emulators.Mns;

internal sealed record StsToken(
    string AccessKeyId, string AccessKeySecret, string SecurityToken,
    string AccountUid, string QueueName, DateTimeOffset CreateTime, DateTimeOffset ExpireTime);

internal sealed class StsTokenStore
{
    private readonly ConcurrentDictionary<string, StsToken> _byAccessKeyId = new(StringComparer.Ordinal);

    public StsToken Issue(string accountUid, string queueName, DateTimeOffset now, TimeSpan lifetime)
    {
        var token = new StsToken(
            "STS.emu" + Ids.Random(18),
            Ids.Random(30),
            "CAIS" + Ids.Random(120),
            accountUid,
            queueName,
            now,
            now + lifetime);
        _byAccessKeyId[token.AccessKeyId] = token;
        return token;
    }

    public StsToken? Find(string accessKeyId) => _byAccessKeyId.GetValueOrDefault(accessKeyId);
}
