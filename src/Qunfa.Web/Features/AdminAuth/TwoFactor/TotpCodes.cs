using System.Security.Cryptography;
using OtpNet;
using QRCoder;

namespace Qunfa.Web.Features.AdminAuth.TwoFactor;

/// <summary>RFC 6238 codes as authenticator apps make them: SHA-1, 6 digits, 30-second steps, one step of clock drift either way.</summary>
public static class TotpCodes
{
    private static readonly VerificationWindow OneStepEitherWay = new(previous: 1, future: 1);

    /// <summary>160 random bits in Base32, as RFC 4226 recommends and the apps expect.</summary>
    public static string NewSecret() => Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));

    /// <summary>The time step the code belongs to, or null when it is none of now's, the previous or the next one.</summary>
    public static long? MatchStep(string secret, string? code, DateTimeOffset now)
    {
        var digits = Normalize(code);
        if (digits is null) return null;
        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, OneStepEitherWay) ? step : null;
    }

    /// <summary>Six digits, with any spaces the app shows between groups removed; null when it is not that.</summary>
    public static string? Normalize(string? code)
    {
        var digits = string.Concat((code ?? "").Where(c => !char.IsWhiteSpace(c)));
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The key URI format of Google Authenticator, understood by every authenticator app.</summary>
    public static string KeyUri(string issuer, string account, string secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The QR code of <paramref name="keyUri"/> as a PNG data URI, which the CSP's img-src allows.</summary>
    public static string QrDataUri(string keyUri) =>
        "data:image/png;base64," + Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(keyUri, QRCodeGenerator.ECCLevel.M, 4));
}
