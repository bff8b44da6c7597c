namespace Qunfa.Web.Domain.Api;

/// <summary>
/// A nonce a signed request used, kept until its timestamp falls out of the accepted window so that the
/// same request cannot be replayed on any node; the unique (key, nonce) index is the check.
/// </summary>
public sealed class ApiNonce
{
    public long Id { get; set; }
    public int KeyId { get; set; }
    public string Nonce { get; set; } = "";
    /// <summary>Unix seconds after which a replay would be refused by its timestamp anyway.</summary>
    public long ExpiresAt { get; set; }
}
