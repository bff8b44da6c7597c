using Qunfa.Alipay.Common;

namespace Qunfa.Alipay.Md5;

internal static class Md5NotificationParser
{
    public static NotificationVerification Parse(IEnumerable<KeyValuePair<string, string>> parameters, string key, bool isAsync)
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

        if (!string.Equals(bag.Get("sign_type"), "MD5", StringComparison.OrdinalIgnoreCase))
        {
            return NotificationVerification.Invalid(VerificationFailure.WrongSignType, $"sign_type is '{bag.Get("sign_type")}', expected MD5.");
        }

        if (!Md5Signer.Verify(bag.AsNullable(), sign, key))
        {
            return NotificationVerification.Invalid(VerificationFailure.BadSignature, "The MD5 signature does not match.");
        }

        if (!isAsync && bag.Get("is_success") != "T")
        {
            return NotificationVerification.Invalid(VerificationFailure.InvalidField, "is_success is not T.");
        }

        return NotificationFields.Build(bag, AlipayProtocol.Md5Partner, "total_fee", "extra_common_param", isAsync, requireStatus: true);
    }
}
