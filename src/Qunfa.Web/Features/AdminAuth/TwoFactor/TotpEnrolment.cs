namespace Qunfa.Web.Features.AdminAuth.TwoFactor;

/// <summary>What the enrolment page shows: the QR code and, beside it, the same secret to type in by hand.</summary>
public sealed record TotpEnrolment(string Secret, string KeyUri, string QrDataUri)
{
    /// <summary>The secret in groups of four, as the apps show it.</summary>
    public string GroupedSecret => string.Join(' ', Secret.Chunk(4).Select(c => new string(c)));
}
