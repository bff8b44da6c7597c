using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;

namespace Qunfa.Alipay.Md5;

/// <summary>Legacy partner protocol: create_direct_pay_by_user, notification/return verification, notify_verify, single_trade_query.</summary>
public sealed partial class AlipayMd5Client(IHttpClientFactory httpClientFactory, IAlipaySettingsProvider settingsProvider)
{
    public const string InputCharset = "utf-8";

    /// <summary>Builds the signed browser request for the buyer (post the form or redirect to the URL).</summary>
    public PaymentForm CreatePayment(PaymentRequest request)
    {
        PaymentRequestValidator.Validate(request);
        var settings = RequireSettings();
        List<KeyValuePair<string, string>> parameters =
        [
            new("service", "create_direct_pay_by_user"),
            new("partner", settings.Partner!),
            new("_input_charset", InputCharset),
            new("notify_url", request.NotifyUrl.AbsoluteUri),
            new("return_url", request.ReturnUrl.AbsoluteUri),
            new("out_trade_no", request.OrderNumber),
            new("subject", request.Subject),
            new("payment_type", "1"),
            new("total_fee", AlipayMoney.FormatYuan(request.TotalFen)),
            new("seller_id", settings.EffectiveSellerId!),
            new("body", request.Body ?? string.Empty),
            new("it_b_pay", PaymentRequestValidator.FormatTimeout(request.PayTimeout) ?? string.Empty),
            new("extra_common_param", request.Passback ?? string.Empty),
        ];
        var signed = Md5RequestSigner.Sign(parameters, settings.Md5Key!);
        return new PaymentForm(
            AlipayParameters.AppendQuery(settings.Gateway, "_input_charset=" + InputCharset),
            signed,
            Md5RequestSigner.ToUrl(settings.Gateway, signed));
    }

    /// <summary>Verifies the asynchronous notification: signature, fields, then notify_verify at the gateway.</summary>
    public Task<NotificationVerification> VerifyNotificationAsync(IEnumerable<KeyValuePair<string, string>> form, CancellationToken ct = default) =>
        VerifyAsync(form, isAsync: true, ct);

    /// <summary>Verifies the browser return the same way; the result never suffices to grant an order.</summary>
    public Task<NotificationVerification> VerifyReturnAsync(IEnumerable<KeyValuePair<string, string>> query, CancellationToken ct = default) =>
        VerifyAsync(query, isAsync: false, ct);

    /// <summary>Signature check only, without asking the gateway about notify_id.</summary>
    public NotificationVerification VerifySignature(IEnumerable<KeyValuePair<string, string>> parameters, bool isAsync = true)
    {
        var settings = settingsProvider.GetMd5();
        return settings.IsConfigured
            ? Md5NotificationParser.Parse(parameters, settings.Md5Key!, isAsync)
            : NotificationVerification.Invalid(VerificationFailure.NotConfigured, "The MD5 partner protocol is not configured.");
    }

    private async Task<NotificationVerification> VerifyAsync(IEnumerable<KeyValuePair<string, string>> parameters, bool isAsync, CancellationToken ct)
    {
        var result = VerifySignature(parameters, isAsync);
        if (!result.IsValid)
        {
            return result;
        }

        if (result.Notification.NotifyId is not { } notifyId)
        {
            return NotificationVerification.Invalid(VerificationFailure.MissingField, "notify_id is missing.");
        }

        bool confirmed;
        try
        {
            confirmed = await NotifyVerifyAsync(notifyId, ct).ConfigureAwait(false);
        }
        catch (AlipayException ex)
        {
            return NotificationVerification.Invalid(VerificationFailure.NotifyVerifyUnavailable, ex.Message, result.Notification);
        }

        return confirmed
            ? result
            : NotificationVerification.Invalid(
                VerificationFailure.NotifyIdRejected, "notify_verify did not answer true (unknown, expired or already acknowledged notify_id).", result.Notification);
    }

    private AlipayMd5Settings RequireSettings()
    {
        var settings = settingsProvider.GetMd5();
        return settings.IsConfigured ? settings : throw new InvalidOperationException("The Alipay MD5 partner protocol is not configured (partner id and MD5 key).");
    }
}
