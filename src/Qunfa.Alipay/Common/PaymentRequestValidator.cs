using System.Globalization;

namespace Qunfa.Alipay.Common;

internal static class PaymentRequestValidator
{
    public static void Validate(PaymentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.OrderNumber) || request.OrderNumber.Length > 64)
        {
            throw new ArgumentException("Order number must be 1–64 characters.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > 128)
        {
            throw new ArgumentException("Subject must be 1–128 characters.", nameof(request));
        }

        if (request.TotalFen is < AlipayMoney.MinFen or > AlipayMoney.MaxFen)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.TotalFen, "Amount must be 0.01–100000000.00 yuan.");
        }

        CheckCallback(request.NotifyUrl, nameof(request.NotifyUrl));
        CheckCallback(request.ReturnUrl, nameof(request.ReturnUrl));
        if (request.PayTimeout is { } timeout && (timeout < TimeSpan.FromMinutes(1) || timeout > TimeSpan.FromDays(15)))
        {
            throw new ArgumentOutOfRangeException(nameof(request), timeout, "Pay timeout must be 1 minute – 15 days.");
        }
    }

    /// <summary>Whole minutes, as "90m"; Alipay accepts m/h/d units between 1m and 15d.</summary>
    public static string? FormatTimeout(TimeSpan? timeout) =>
        timeout is { } t ? string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Max(1, Math.Floor(t.TotalMinutes))}m") : null;

    private static void CheckCallback(Uri url, string name)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{name} must be an absolute http(s) URL.", name);
        }

        if (!string.IsNullOrEmpty(url.Query))
        {
            throw new ArgumentException($"{name} must not carry a query string (Alipay drops or mangles it).", name);
        }
    }
}
