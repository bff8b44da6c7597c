using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;

namespace Qunfa.Alipay.Md5;

public sealed partial class AlipayMd5Client
{
    /// <summary>Asks the gateway whether it issued <paramref name="notifyId"/>; throws <see cref="AlipayException"/> when it cannot be reached.</summary>
    public async Task<bool> NotifyVerifyAsync(string notifyId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(notifyId);
        var settings = RequireSettings();
        var url = AlipayParameters.AppendQuery(settings.Gateway, AlipayParameters.ToQuery(
        [
            new("service", "notify_verify"),
            new("partner", settings.Partner!),
            new("notify_id", notifyId),
        ]));
        var body = await GetStringAsync(url, ct).ConfigureAwait(false);
        return string.Equals(body.Trim(), "true", StringComparison.Ordinal);
    }

    /// <summary>single_trade_query by order number (out_trade_no) or Alipay trade number.</summary>
    public async Task<TradeQueryResult> QueryTradeAsync(string? orderNumber, string? tradeNo = null, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(orderNumber) && string.IsNullOrEmpty(tradeNo))
        {
            throw new ArgumentException("Give the order number or the trade number.", nameof(orderNumber));
        }

        var settings = RequireSettings();
        var signed = Md5RequestSigner.Sign(
        [
            new("service", "single_trade_query"),
            new("partner", settings.Partner!),
            new("_input_charset", InputCharset),
            new("out_trade_no", orderNumber ?? string.Empty),
            new("trade_no", tradeNo ?? string.Empty),
        ], settings.Md5Key!);
        var xml = await GetStringAsync(Md5RequestSigner.ToUrl(settings.Gateway, signed), ct).ConfigureAwait(false);
        return SingleTradeQueryParser.Parse(xml);
    }

    private async Task<string> GetStringAsync(Uri url, CancellationToken ct)
    {
        var http = httpClientFactory.CreateClient(AlipayHttp.ClientName);
        try
        {
            using var response = await http.GetAsync(url, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new AlipayException($"Alipay gateway answered HTTP {(int)response.StatusCode}.");
            }

            return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new AlipayException("Alipay gateway could not be reached: " + ex.Message, ex);
        }
    }
}
