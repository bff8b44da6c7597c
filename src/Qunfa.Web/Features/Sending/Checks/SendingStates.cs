using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Features.Sending.Checks;

/// <summary>
/// Keeps each customer's <see cref="CustomerSendingState"/> in memory and proves it current on every use with one
/// primary-key read of <c>Customers.SendingVersion</c>, which database triggers raise on any change that matters
/// (<see cref="SendingVersionTriggerSql"/>). So a freeze, a revoked key or a withdrawn template made by any writer on
/// any node is honoured from the first request that starts after it commits — as if nothing were cached — while the
/// rows themselves are read again only after they change (docs/decisions/0013).
/// </summary>
public sealed class SendingStates(SecretProtector secrets)
{
    private const int MaxCustomers = 100_000;

    private readonly ConcurrentDictionary<int, CustomerSendingState> _states = new();
    // A key never moves to another customer, so its owner may be remembered for good; whether it is still active
    // is the state's business.
    private readonly ConcurrentDictionary<string, int> _keyOwners = new(StringComparer.Ordinal);

    /// <summary>The customer's state as of now, or null when there is no such customer.</summary>
    public async Task<CustomerSendingState?> CurrentAsync(QunfaDbContext db, int customerId, CancellationToken ct)
    {
        var version = await VersionAsync(db, customerId, ct);
        if (version is null) return null;
        if (_states.TryGetValue(customerId, out var cached) && cached.Version == version) return cached;
        var loaded = await LoadAsync(db, customerId, version.Value, ct);
        if (_states.Count >= MaxCustomers) _states.Clear();
        // A slower load of an older version must not replace a newer one.
        _states.AddOrUpdate(customerId, loaded, (_, existing) => existing.Version > loaded.Version ? existing : loaded);
        return loaded;
    }

    /// <summary>The active key of this id, carrying its customer's current state, or null.</summary>
    public async Task<ApiCredential?> ResolveKeyAsync(QunfaDbContext db, string accessKeyId, CancellationToken ct)
    {
        if (accessKeyId.Length is 0 or > 32) return null;
        if (!_keyOwners.TryGetValue(accessKeyId, out var customerId))
        {
            var owner = await db.ApiKeys.AsNoTracking().Where(k => k.AccessKeyId == accessKeyId).Select(k => (int?)k.CustomerId).FirstOrDefaultAsync(ct);
            if (owner is null) return null;
            if (_keyOwners.Count >= MaxCustomers) _keyOwners.Clear();
            _keyOwners[accessKeyId] = customerId = owner.Value;
        }
        var state = await CurrentAsync(db, customerId, ct);
        return state?.Key(accessKeyId) is { } key ? key with { State = state } : null;
    }

    /// <summary>
    /// The key as the cached state of its customer knows it, without proving that state current — for a caller that
    /// proves it later, in its own write (<see cref="WriteTimeCheck"/>); null when nothing is cached for it.
    /// </summary>
    public ApiCredential? CachedKey(string accessKeyId) =>
        _keyOwners.TryGetValue(accessKeyId, out var customerId) && _states.TryGetValue(customerId, out var state) && state.Key(accessKeyId) is { } key
            ? key with { State = state }
            : null;

    public static async Task<long?> VersionAsync(QunfaDbContext db, int customerId, CancellationToken ct) =>
        await PreparedCommands.ScalarAsync(db, """SELECT "SendingVersion" FROM "Customers" WHERE "Id" = @p0""", ct, customerId) is { } value and not DBNull
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>
    /// Reads the rows for <paramref name="version"/>, read just before: a change committed in between is newer data
    /// under an older version, which the next request's read finds stale and loads again.
    /// </summary>
    private async Task<CustomerSendingState> LoadAsync(QunfaDbContext db, int customerId, long version, CancellationToken ct)
    {
        var frozen = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.IsFrozen).SingleAsync(ct);
        var signatures = await db.Signatures.AsNoTracking()
            .Where(s => s.CustomerId == customerId && s.Status == ReviewStatus.Approved).OrderBy(s => s.Id).ToListAsync(ct);
        var templates = await db.Templates.AsNoTracking()
            .Where(t => t.CustomerId == customerId && t.Status == ReviewStatus.Approved && t.TemplateCode != null).OrderBy(t => t.Id).ToListAsync(ct);
        // A member's key dies with the membership (停用, removed) and sleeps while its company is frozen.
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.CustomerId == customerId && k.RevokedAt == null
                && (k.MemberId == null || (!frozen && db.CustomerMembers.Any(m => m.Id == k.MemberId && m.Status == MemberStatus.Active))))
            .ToListAsync(ct);
        var byName = new Dictionary<string, Signature>(StringComparer.Ordinal);
        foreach (var s in signatures) byName.TryAdd(s.Name, s);
        var byCode = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var t in templates) byCode.TryAdd(t.TemplateCode!, t);
        return new CustomerSendingState(customerId, version, frozen, byName, templates.ToDictionary(t => t.Id), byCode,
            keys.ToDictionary(k => k.AccessKeyId, k => new ApiCredential(k.Id, k.CustomerId, k.AccessKeyId, secrets.Unprotect(k.ProtectedSecret), k.MemberId), StringComparer.Ordinal));
    }
}
