using System.Security.Cryptography;
using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;

namespace Qunfa.Alipay.Rsa2;

/// <summary>Open platform: alipay.trade.page.pay, notification/return verification, alipay.trade.query and alipay.trade.close.</summary>
public sealed partial class AlipayRsa2Client(IHttpClientFactory httpClientFactory, IAlipaySettingsProvider settingsProvider, TimeProvider timeProvider)
{
    public const string Charset = "utf-8";

    /// <summary>Builds the signed alipay.trade.page.pay browser request (post the form or redirect to the URL).</summary>
    public PaymentForm CreatePagePay(PaymentRequest request)
    {
        PaymentRequestValidator.Validate(request);
        var settings = RequireSettings();
        var biz = BizContent.Write(
        [
            new("out_trade_no", request.OrderNumber),
            new("total_amount", AlipayMoney.FormatYuan(request.TotalFen)),
            new("subject", request.Subject),
            new("product_code", "FAST_INSTANT_TRADE_PAY"),
            new("body", request.Body),
            new("timeout_express", PaymentRequestValidator.FormatTimeout(request.PayTimeout)),
            new("passback_params", request.Passback is null ? null : Uri.EscapeDataString(request.Passback)),
        ]);
        var signed = SignedParameters(settings, "alipay.trade.page.pay", biz, request.NotifyUrl, request.ReturnUrl);
        return new PaymentForm(
            AlipayParameters.AppendQuery(settings.Gateway, "charset=" + Charset),
            signed,
            AlipayParameters.AppendQuery(settings.Gateway, AlipayParameters.ToQuery(signed)));
    }

    /// <summary>Verifies the asynchronous notification (signature with Alipay's public key, app_id, fields).</summary>
    public NotificationVerification VerifyNotification(IEnumerable<KeyValuePair<string, string>> form) => Verify(form, isAsync: true);

    /// <summary>Verifies the browser return. It carries no trade_status, so <see cref="PaymentNotification.IsPaid"/> is false: query or wait for the notification.</summary>
    public NotificationVerification VerifyReturn(IEnumerable<KeyValuePair<string, string>> query) => Verify(query, isAsync: false);

    private NotificationVerification Verify(IEnumerable<KeyValuePair<string, string>> parameters, bool isAsync)
    {
        var settings = settingsProvider.GetRsa2();
        return settings.IsConfigured
            ? Rsa2NotificationParser.Parse(parameters, settings.AlipayPublicKey!, settings.AppId!, isAsync)
            : NotificationVerification.Invalid(VerificationFailure.NotConfigured, "The RSA2 open platform protocol is not configured.");
    }

    private List<KeyValuePair<string, string>> SignedParameters(AlipayRsa2Settings settings, string method, string bizContent, Uri? notifyUrl = null, Uri? returnUrl = null)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("app_id", settings.AppId!),
            new("method", method),
            new("format", "JSON"),
            new("charset", Charset),
            new("sign_type", "RSA2"),
            new("timestamp", ChinaTime.ToWire(timeProvider.GetUtcNow())),
            new("version", "1.0"),
        };
        if (notifyUrl is not null)
        {
            parameters.Add(new("notify_url", notifyUrl.AbsoluteUri));
        }

        if (returnUrl is not null)
        {
            parameters.Add(new("return_url", returnUrl.AbsoluteUri));
        }

        parameters.Add(new("biz_content", bizContent));
        string sign;
        try
        {
            sign = Rsa2Signer.SignRequest(parameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)), settings.AppPrivateKey!);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException("The app private key cannot be loaded: " + ex.Message, ex);
        }

        parameters.Add(new("sign", sign));
        return parameters;
    }

    private AlipayRsa2Settings RequireSettings()
    {
        var settings = settingsProvider.GetRsa2();
        return settings.IsConfigured ? settings : throw new InvalidOperationException("The Alipay open platform protocol is not configured (app id, app private key, Alipay public key).");
    }
}
