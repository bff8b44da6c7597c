namespace Qunfa.Web.Domain.Api;

/// <summary>
/// A signature nonce already used with a key, kept until the request's timestamp would be refused
/// anyway; the unique index makes a replay fail on every node, not only the one that saw the first use.
/// </summary>
public sealed class ApiNonce
{
    public long Id { get; set; }
    public string AccessKeyId { get; set; } = "";
    /// <summary>SHA-256 of the nonce as sent, so any length the caller chooses fits one column.</summary>
    public string NonceHash { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
