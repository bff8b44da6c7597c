using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Api;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>Signature nonces seen per key, in the database so a replay is refused whichever node it reaches.</summary>
public sealed class NonceStore(QunfaDbContext db)
{
    /// <summary>False when the key has used this nonce before (and the entry has not expired).</summary>
    public async Task<bool> TryUseAsync(string accessKeyId, string nonce, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)));
        if (await db.ApiNonces.AnyAsync(n => n.AccessKeyId == accessKeyId && n.NonceHash == hash, ct)) return false;
        db.ApiNonces.Add(new ApiNonce { AccessKeyId = accessKeyId, NonceHash = hash, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The same nonce arrived at the same moment on another request: the unique index let only one through.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Removes entries whose requests would now be refused for their timestamp anyway.</summary>
    public Task<int> PurgeAsync(DateTimeOffset now, CancellationToken ct) =>
        db.ApiNonces.Where(n => n.ExpiresAt < now).ExecuteDeleteAsync(ct);
}
