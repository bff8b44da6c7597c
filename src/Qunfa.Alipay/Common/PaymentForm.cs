namespace Qunfa.Alipay.Common;

/// <summary>
/// A signed browser request to the gateway: post <see cref="Fields"/> to <see cref="Action"/> with a plain form,
/// or redirect to <see cref="RedirectUrl"/> (same parameters in the query string).
/// </summary>
public sealed record PaymentForm(Uri Action, IReadOnlyList<KeyValuePair<string, string>> Fields, Uri RedirectUrl)
{
    public string Method => "POST";
}
