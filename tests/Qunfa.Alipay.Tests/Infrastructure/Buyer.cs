using System.Net;
using System.Text.RegularExpressions;
using Qunfa.Alipay.Common;

namespace Qunfa.Alipay.Tests.Infrastructure;

/// <summary>The buyer's browser: submits the platform's form, reads the cashier page and presses its buttons.</summary>
internal sealed partial class Buyer : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    public HttpResponseMessage? LastResponse { get; private set; }

    public async Task<(HttpStatusCode Status, string Html, Uri PageUrl)> OpenAsync(PaymentForm form)
    {
        using var content = new FormUrlEncodedContent(form.Fields);
        LastResponse = await _http.PostAsync(form.Action, content, TestContext.Current.CancellationToken);
        return (LastResponse.StatusCode, await LastResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), form.Action);
    }

    /// <summary>Presses 付款 (or 取消) and returns the response (a redirect to return_url after paying).</summary>
    public async Task<HttpResponseMessage> PressAsync(string html, Uri pageUrl, string button = "pay")
    {
        var action = ActionPattern().Matches(html).Select(m => m.Groups[1].Value).Single(a => a.EndsWith("/" + button, StringComparison.Ordinal));
        using var content = new FormUrlEncodedContent([]);
        LastResponse = await _http.PostAsync(new Uri(pageUrl, WebUtility.HtmlDecode(action)), content, TestContext.Current.CancellationToken);
        return LastResponse;
    }

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> PayAndFollowToReturnAsync(PaymentForm form, Uri returnUrl)
    {
        var (status, html, page) = await OpenAsync(form);
        Assert.True(status == HttpStatusCode.OK, html);
        var response = await PressAsync(html, page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(returnUrl.AbsoluteUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        return AlipayParameters.ParseQuery(location.Query);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\">")]
    private static partial Regex ActionPattern();
}
