using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;

namespace Qunfa.Alipay.Rsa2;

public sealed partial class AlipayRsa2Client
{
    /// <summary>alipay.trade.query; Found is false for ACQ.TRADE_NOT_EXIST (the buyer never reached the cashier).</summary>
    public async Task<TradeQueryResult> QueryTradeAsync(string? orderNumber, string? tradeNo = null, CancellationToken ct = default)
    {
        var response = await CallAsync("alipay.trade.query", orderNumber, tradeNo, ct).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return response.SubCode == "ACQ.TRADE_NOT_EXIST"
                ? new TradeQueryResult { Found = false, OrderNumber = orderNumber, TradeNo = tradeNo, ErrorCode = response.SubCode, ErrorMessage = response.SubMessage }
                : throw new AlipayException("alipay.trade.query failed: " + response.Describe());
        }

        if (!AlipayMoney.TryParseFen(response.Get("total_amount"), out var fen))
        {
            throw new AlipayException("alipay.trade.query answered without a valid total_amount.");
        }

        return new TradeQueryResult
        {
            Found = true,
            OrderNumber = response.Get("out_trade_no"),
            TradeNo = response.Get("trade_no"),
            Status = AlipayTradeStatusNames.Parse(response.Get("trade_status")),
            TotalFen = fen,
            BuyerId = response.Get("buyer_user_id"),
            PaidAt = ChinaTime.Parse(response.Get("send_pay_date")),
        };
    }

    /// <summary>alipay.trade.close: closes an unpaid trade. Not closed (with the sub-code) when unknown or already paid.</summary>
    public async Task<TradeCloseResult> CloseTradeAsync(string? orderNumber, string? tradeNo = null, CancellationToken ct = default)
    {
        var response = await CallAsync("alipay.trade.close", orderNumber, tradeNo, ct).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            return new TradeCloseResult { Closed = true, OrderNumber = response.Get("out_trade_no") ?? orderNumber, TradeNo = response.Get("trade_no") ?? tradeNo };
        }

        return response.Code == "40004"
            ? new TradeCloseResult { Closed = false, OrderNumber = orderNumber, TradeNo = tradeNo, ErrorCode = response.SubCode, ErrorMessage = response.SubMessage }
            : throw new AlipayException("alipay.trade.close failed: " + response.Describe());
    }

    private async Task<OpenApiResponse> CallAsync(string method, string? orderNumber, string? tradeNo, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(orderNumber) && string.IsNullOrEmpty(tradeNo))
        {
            throw new ArgumentException("Give the order number or the trade number.", nameof(orderNumber));
        }

        var settings = RequireSettings();
        var biz = BizContent.Write([new("out_trade_no", orderNumber), new("trade_no", tradeNo)]);
        var signed = SignedParameters(settings, method, biz);
        var http = httpClientFactory.CreateClient(AlipayHttp.ClientName);
        string json;
        try
        {
            using var content = new FormUrlEncodedContent(signed);
            using var response = await http.PostAsync(AlipayParameters.AppendQuery(settings.Gateway, "charset=" + Charset), content, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new AlipayException($"{method}: Alipay gateway answered HTTP {(int)response.StatusCode}.");
            }

            json = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new AlipayException($"{method}: Alipay gateway could not be reached: " + ex.Message, ex);
        }

        return OpenApiResponse.Read(json, method, settings.AlipayPublicKey!);
    }
}
