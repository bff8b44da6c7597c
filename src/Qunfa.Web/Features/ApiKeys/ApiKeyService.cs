using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Api;
using Qunfa.Web.Features.Sending.Checks;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.ApiKeys;

/// <summary>Issues, lists, revokes and resolves a customer's API key pairs.</summary>
public sealed class ApiKeyService(QunfaDbContext db, SecretProtector secrets, SendingStates states, TimeProvider time)
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
        return true;
    }

    /// <summary>
    /// The owner and plain secret of an active key with its customer's current sending state, or null. Proven current
    /// on every call (<see cref="SendingStates"/>): a key revoked by any node, or whose member is 停用 or removed, is refused
    /// once that change has committed.
    /// </summary>
    public Task<ApiCredential?> ResolveAsync(string accessKeyId, CancellationToken ct) => states.ResolveKeyAsync(db, accessKeyId, ct);
}

/// <summary>A resolved key: who signs with it and the secret to check the signature.</summary>
public sealed record ApiCredential(int KeyId, int CustomerId, string AccessKeyId, string Secret, int? MemberId = null)
{
    /// <summary>The customer's sending state the key was found current in, when it was resolved for a request.</summary>
    public CustomerSendingState? State { get; init; }

    /// <summary>When the key was taken from memory for a send: the request's checks left to the send's write.</summary>
    public WriteTimeCheck? WriteCheck { get; init; }
}

