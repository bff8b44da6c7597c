using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;

namespace Qunfa.Web.Features.ApiKeys;

/// <summary>
/// Remembers the nonces of signed requests in the database so that a replay is refused on every node. Each
/// request's nonce is written in the group commit of the moment rather than in a transaction of its own.
/// </summary>
public sealed class ApiNonceStore(QunfaDbContext db, GroupCommit groupCommit)
{
    /// <summary>True the first time this key uses this nonce; one statement, no exception on a replay.</summary>
    public async Task<bool> TryUseAsync(string accessKeyId, string nonce, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var hash = Hash(nonce);
        var expires = expiresAt.ToUnixTimeSeconds();
        return await groupCommit.RunAsync((shared, token) => InsertAsync(shared, accessKeyId, hash, expires, token), ct) == 1;
    }

    public static string Hash(string nonce) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)));

    /// <summary>Records the nonce in the caller's transaction: 1 the first time, 0 for a replay.</summary>
    public static Task<int> InsertAsync(QunfaDbContext target, string accessKeyId, string hash, long expiresAt, CancellationToken ct) =>
        PreparedCommands.ExecuteAsync(target,
            """INSERT INTO "ApiNonces" ("AccessKeyId", "NonceHash", "ExpiresAt") VALUES (@p0, @p1, @p2) ON CONFLICT DO NOTHING""", ct, accessKeyId, hash, expiresAt);

    /// <summary>Removes nonces whose requests would now be refused for their timestamp anyway.</summary>
    public Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        var seconds = now.ToUnixTimeSeconds();
        return db.ApiNonces.Where(n => n.ExpiresAt < seconds).ExecuteDeleteAsync(ct);
    }
}
