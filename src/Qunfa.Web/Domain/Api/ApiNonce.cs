namespace Qunfa.Web.Domain.Api;

/// <summary>
/// A nonce a signed request used with a key (the HTTP API and the Alibaba-compatible endpoint alike), kept
/// until its timestamp falls out of the accepted window; the unique index refuses a replay on every node.
/// </summary>
public sealed class ApiNonce
{
    public long Id { get; set; }
    public string AccessKeyId { get; set; } = "";
    /// <summary>SHA-256 of the nonce as sent, so any length a caller chooses fits one column.</summary>
    public string NonceHash { get; set; } = "";
    /// <summary>Unix seconds after which a replay would be refused by its timestamp anyway.</summary>
    public long ExpiresAt { get; set; }
}
