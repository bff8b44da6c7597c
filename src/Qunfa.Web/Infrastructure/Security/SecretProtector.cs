using Microsoft.AspNetCore.DataProtection;

namespace Qunfa.Web.Infrastructure.Security;

/// <summary>Encrypts operator secrets (AK secret, MD5 key) at rest and masks them for display.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Qunfa.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) =>
        protectedSecret.Length == 0 ? "" : _protector.Unprotect(protectedSecret);

    /// <summary>Shows only that a secret is set and its last two characters, enough to tell keys apart.</summary>
    public string Mask(string protectedSecret)
    {
        if (protectedSecret.Length == 0) return "";
        var secret = Unprotect(protectedSecret);
        return secret.Length <= 6 ? new string('*', 8) : new string('*', 8) + secret[^2..];
    }
}
