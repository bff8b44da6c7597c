using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Signing;

namespace Qunfa.Emulators.Oss;

internal sealed record OssGrant(string AccessKeyId, string Secret, string Policy, string Signature, string StartPath, DateTimeOffset Expiration);

internal sealed class OssStore
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, OssGrant> _grants = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public OssGrant Issue(string accountUid, string bizType, DateTimeOffset now, TimeSpan lifetime)
    {
        var expiration = now + lifetime;
        var startPath = $"{accountUid}/{bizType}/{Ids.Random(12)}";
        var policyJson = new JsonObject
        {
            ["expiration"] = expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["conditions"] = new JsonArray(
                new JsonArray("content-length-range", 0, MaxFileBytes),
                new JsonArray("starts-with", "$key", startPath)),
        }.ToJsonString();
        var policy = Convert.ToBase64String(Encoding.UTF8.GetBytes(policyJson));
        var secret = Ids.Random(30);
        var grant = new OssGrant("LTAIemuOss" + Ids.Random(12), secret, policy, OssPolicySignature.Sign(policy, secret), startPath, expiration);
        _grants[grant.AccessKeyId] = grant;
        return grant;
    }

    public OssGrant? Find(string accessKeyId) => _grants.GetValueOrDefault(accessKeyId);
}
