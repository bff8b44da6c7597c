using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Api;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.ApiKeys;

/// <summary>Issues, lists, revokes and resolves a customer's API key pairs.</summary>
public sealed class ApiKeyService(QunfaDbContext db, SecretProtector secrets, ApiKeyCache cache, TimeProvider time)
{
    public const int MaxActiveKeys = 5;
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public sealed record Issued(ApiKey Key, string Secret);

    /// <summary>A new key of the customer; made by a 子账号 (<paramref name="memberId"/>), it works only while that member is active.</summary>
    public async Task<(Issued? Issued, Outcome Outcome)> CreateAsync(int customerId, string? name, CancellationToken ct, int? memberId = null)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 32) return (null, Outcome.Fail("Name", ApiKeyMessages.NameRequired));
        var active = await db.ApiKeys.CountAsync(k => k.CustomerId == customerId && k.RevokedAt == null, ct);
        if (active >= MaxActiveKeys) return (null, Outcome.Fail("", ApiKeyMessages.TooMany));
        var secret = RandomNumberGenerator.GetString(Alphabet, 32);
        var key = new ApiKey
        {
            CustomerId = customerId,
            MemberId = memberId,
            Name = name,
            AccessKeyId = "QF" + RandomNumberGenerator.GetString(Alphabet, 22),
            ProtectedSecret = secrets.Protect(secret),
            SecretHint = secret[^4..],
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (new Issued(key, secret), Outcome.Ok());
    }

    public Task<List<ApiKey>> ListAsync(int customerId, CancellationToken ct) =>
        db.ApiKeys.AsNoTracking().Where(k => k.CustomerId == customerId).OrderByDescending(k => k.Id).ToListAsync(ct);

    public async Task<bool> RevokeAsync(int customerId, int keyId, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.CustomerId == customerId && k.RevokedAt == null, ct);
        if (key is null) return false;
        key.RevokedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        cache.Forget(key.AccessKeyId);
        return true;
    }

    /// <summary>The owner and plain secret of an active key, or null; answers from a short-lived cache.</summary>
    public async Task<ApiCredential?> ResolveAsync(string accessKeyId, CancellationToken ct)
    {
        if (accessKeyId.Length is 0 or > 32) return null;
        if (cache.TryGet(accessKeyId, out var cached)) return cached;
        // A member's key dies with the membership (停用, removed, its company frozen): one join, no second query.
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.AccessKeyId == accessKeyId)
            .Select(k => new
            {
                Key = k,
                MemberActive = k.MemberId == null || db.CustomerMembers.Any(m => m.Id == k.MemberId && m.Status == MemberStatus.Active
                    && !db.Customers.Any(c => c.Id == m.CustomerId && c.IsFrozen)),
            })
            .SingleOrDefaultAsync(ct);
        var credential = key is null || key.Key.RevokedAt is not null || !key.MemberActive
            ? null
            : new ApiCredential(key.Key.Id, key.Key.CustomerId, key.Key.AccessKeyId, secrets.Unprotect(key.Key.ProtectedSecret), key.Key.MemberId);
        cache.Remember(accessKeyId, credential);
        return credential;
    }
}

/// <summary>A resolved key: who signs with it and the secret to check the signature.</summary>
public sealed record ApiCredential(int KeyId, int CustomerId, string AccessKeyId, string Secret, int? MemberId = null);

/// <summary>
/// Keeps resolved keys for a few seconds so that signed requests do not decrypt on every call; a revoke
/// on this node is immediate, on another node within <see cref="Lifetime"/>.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (ApiCredential? Credential, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string accessKeyId, out ApiCredential? credential)
    {
        credential = null;
        if (!_entries.TryGetValue(accessKeyId, out var entry) || entry.Until <= time.GetUtcNow()) return false;
        credential = entry.Credential;
        return true;
    }

    public void Remember(string accessKeyId, ApiCredential? credential)
    {
        if (_entries.Count > 10_000) _entries.Clear();
        _entries[accessKeyId] = (credential, time.GetUtcNow() + Lifetime);
    }

    public void Forget(string accessKeyId) => _entries.TryRemove(accessKeyId, out _);
}
