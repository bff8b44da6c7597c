using System.Security.Cryptography;
using Qunfa.Alipay.Common;

namespace Qunfa.Alipay.Rsa2;

internal static class Rsa2NotificationParser
{
    public static NotificationVerification Parse(IEnumerable<KeyValuePair<string, string>> parameters, string alipayPublicKey, string appId, bool isAsync)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!ParameterBag.TryCreate(parameters, out var bag, out var duplicate))
        {
            return NotificationVerification.Invalid(VerificationFailure.InvalidField, $"Parameter {duplicate} appears more than once.");
        }

        if (bag.Get("sign") is not { } sign)
        {
            return NotificationVerification.Invalid(VerificationFailure.MissingSign, "sign is missing.");
        }

        if (bag.Get("sign_type") != "RSA2")
        {
            return NotificationVerification.Invalid(VerificationFailure.WrongSignType, $"sign_type is '{bag.Get("sign_type")}', expected RSA2.");
        }

        bool verified;
        try
        {
            verified = Rsa2Signer.VerifyNotification(bag.AsNullable(), sign, alipayPublicKey);
        }
        catch (CryptographicException ex)
        {
            return NotificationVerification.Invalid(VerificationFailure.NotConfigured, "Alipay public key cannot be loaded: " + ex.Message);
        }

        if (!verified)
        {
            return NotificationVerification.Invalid(VerificationFailure.BadSignature, "The RSA2 signature does not match Alipay's public key.");
        }

        if (bag.Get("app_id") is not { } notifiedApp)
        {
            return NotificationVerification.Invalid(VerificationFailure.MissingField, "Missing app_id.");
        }

        if (!string.Equals(notifiedApp, appId, StringComparison.Ordinal))
        {
            return NotificationVerification.Invalid(VerificationFailure.AppIdMismatch, $"app_id {notifiedApp} is not this platform's app.");
        }

        var result = NotificationFields.Build(bag, AlipayProtocol.OpenPlatformRsa2, "total_amount", "passback_params", isAsync, requireStatus: isAsync);
        if (result.IsValid && result.Notification.Passback is { } passback)
        {
            // passback_params travels URL-encoded (Alipay requires it); hand back what the caller gave.
            return NotificationVerification.Valid(result.Notification with { Passback = Uri.UnescapeDataString(passback) });
        }

        return result;
    }
}
