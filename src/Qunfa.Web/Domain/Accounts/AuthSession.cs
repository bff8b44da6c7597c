namespace Qunfa.Web.Domain.Accounts;

public enum SessionKind
{
    Admin = 1,
    Customer = 2,
    /// <summary>A 子账号 in the customer console; the account id is the member's.</summary>
    Member = 3,
}

/// <summary>
/// A signed-in browser, named by the id its cookie carries. The cookie is honoured only while this row exists, so
/// 安全退出 deleting it ends the session on every node at once, even for a copy of the cookie kept from before.
/// </summary>
public sealed class AuthSession
{
    public string Id { get; set; } = "";
    public SessionKind Kind { get; set; }
    public int AccountId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the cookie was last issued or renewed; a row older than a session's length has no live cookie.</summary>
    public DateTimeOffset RenewedAt { get; set; }
}
