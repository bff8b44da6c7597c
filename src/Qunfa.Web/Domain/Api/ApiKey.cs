namespace Qunfa.Web.Domain.Api;

/// <summary>
/// A key pair a customer issues for its own programs: the HTTP API and the Alibaba-compatible endpoint
/// both sign with it. The secret is needed to check an HMAC, so it is kept encrypted, never hashed
/// (docs/decisions/0007), and shown whole only once, when created.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    /// <summary>The 子账号 that made the key, null for the owner's; the key works only while that member is active.</summary>
    public int? MemberId { get; set; }
    public string Name { get; set; } = "";
    public string AccessKeyId { get; set; } = "";
    public string ProtectedSecret { get; set; } = "";
    /// <summary>The secret's last four characters, enough to tell keys apart.</summary>
    public string SecretHint { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
