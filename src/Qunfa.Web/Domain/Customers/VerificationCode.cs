namespace Qunfa.Web.Domain.Customers;

/// <summary>
/// One SMS verification code. Only its hash is stored; it is good for 5 minutes, once, and is void
/// after 5 wrong tries.
/// </summary>
public sealed class VerificationCode
{
    public const int MaxWrongTries = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public long Id { get; set; }
    public string Phone { get; set; } = "";
    public CodeScene Scene { get; set; }
    public string CodeHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int WrongTries { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
    public string Ip { get; set; } = "";
    /// <summary>The carrier's BizId once the code was handed over.</summary>
    public string? BizId { get; set; }

    public bool IsUsable(DateTimeOffset now) => ConsumedAt is null && WrongTries < MaxWrongTries && now < ExpiresAt;
}
