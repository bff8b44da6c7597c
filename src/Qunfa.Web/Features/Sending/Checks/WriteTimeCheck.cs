using Qunfa.Web.Data;
using Qunfa.Web.Features.ApiKeys;

namespace Qunfa.Web.Features.Sending.Checks;

/// <summary>
/// The two checks of a signed request that need the database — its customer's sending state is current, its nonce is
/// new — made inside the send's own write instead of before it (docs/decisions/0015): the state was taken from memory,
/// so the write first reads the customer's version and inserts the nonce, and either failing undoes the whole unit.
/// A hot send then costs no read and no transaction of its own.
/// </summary>
public sealed class WriteTimeCheck(string accessKeyId, string nonce, DateTimeOffset nonceExpiresAt, long stateVersion)
{
    private readonly string _nonceHash = ApiNonceStore.Hash(nonce);

    public string Nonce => nonce;
    public DateTimeOffset NonceExpiresAt => nonceExpiresAt;

    public enum Failure { StateChanged, NonceReused }

    public sealed class FailedException(Failure failure) : Exception($"The write-time check failed: {failure}")
    {
        public Failure Failure => failure;
    }

    /// <summary>True once a write committed with both checks passed: the nonce is used, the state was current.</summary>
    public bool Passed { get; private set; }

    /// <summary>Adds both checks to the write; it throws <see cref="FailedException"/> when one fails.</summary>
    public Task AddToAsync(WriteBatch write, QunfaDbContext target, int customerId, CancellationToken ct) =>
        // One statement for both; which one failed is asked only when one did.
        write.AddAsync("""
            INSERT INTO "ApiNonces" ("AccessKeyId", "NonceHash", "ExpiresAt") SELECT @p0, @p1, @p2
            WHERE EXISTS (SELECT 1 FROM "Customers" WHERE "Id" = @p3 AND "SendingVersion" = @p4) ON CONFLICT DO NOTHING
            """, [accessKeyId, _nonceHash, nonceExpiresAt.ToUnixTimeSeconds(), customerId, stateVersion], ct, expect: 1,
            otherwise: async token => new FailedException(
                await SendingStates.VersionAsync(target, customerId, token) != stateVersion ? Failure.StateChanged : Failure.NonceReused));

    /// <summary>Called when the write that ran the checks has committed.</summary>
    public void Committed() => Passed = true;
}
