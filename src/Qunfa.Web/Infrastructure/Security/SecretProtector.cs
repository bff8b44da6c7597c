using Microsoft.AspNetCore.DataProtection;

namespace Qunfa.Web.Infrastructure.Security;

/// <summary>Encrypts operator secrets (AK secret, MD5 key) at rest and masks them for display.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Qunfa.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) =>
        protectedSecret.Length == 0 ? "" : _protector.Unprotect(protectedSecret);

    /// <summary>The secret, or null when none is stored or it was protected with another installation's keys.</summary>
    public string? TryUnprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret)) return null;
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Shows only that a secret is set and its last two characters, enough to tell keys apart.</summary>
    public string Mask(string protectedSecret)
    {
        if (protectedSecret.Length == 0) return "";
        var secret = Unprotect(protectedSecret);
        return secret.Length <= 6 ? new string('*', 8) : new string('*', 8) + secret[^2..];
    }
}
