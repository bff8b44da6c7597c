using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;

namespace Qunfa.Web.Features.HttpApi;

/// <summary>Remembers nonces in the database so that a replay is refused on every node.</summary>
public sealed class ApiNonceStore(QunfaDbContext db)
{
    /// <summary>True the first time this key uses this nonce; one statement, no exception on a replay.</summary>
    public async Task<bool> TryUseAsync(int keyId, string nonce, long expiresAt, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ApiNonces" ("KeyId", "Nonce", "ExpiresAt") VALUES ({keyId}, {nonce}, {expiresAt}) ON CONFLICT DO NOTHING""", ct) == 1;

    public Task<int> RemoveExpiredAsync(long now, CancellationToken ct) =>
        db.ApiNonces.Where(n => n.ExpiresAt < now).ExecuteDeleteAsync(ct);
}
