using System.Xml;
using System.Xml.Linq;
using Qunfa.Alipay.Common;

namespace Qunfa.Alipay.Md5;

/// <summary>
/// Reads the single_trade_query XML. How Alipay signs this response is unconfirmed, so its &lt;sign&gt; is not checked:
/// the answer is trusted because it comes over TLS from the configured gateway.
/// </summary>
internal static class SingleTradeQueryParser
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 1_000_000,
    };

    public static TradeQueryResult Parse(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new AlipayException("single_trade_query answered with malformed XML.", ex);
        }

        var root = document.Root;
        if (root?.Name.LocalName != "alipay")
        {
            throw new AlipayException("single_trade_query answered without an <alipay> element.");
        }

        var success = root.Element("is_success")?.Value;
        if (success == "F")
        {
            var error = root.Element("error")?.Value;
            return error == "TRADE_NOT_EXIST"
                ? new TradeQueryResult { Found = false, ErrorCode = error }
                : throw new AlipayException($"single_trade_query failed: {error}.");
        }

        var trade = root.Element("response")?.Element("trade");
        if (success != "T" || trade is null)
        {
            throw new AlipayException("single_trade_query answered without a trade.");
        }

        string? Field(string name) => trade.Element(name)?.Value is { Length: > 0 } v ? v : null;
        if (!AlipayMoney.TryParseFen(Field("total_fee"), out var fen))
        {
            throw new AlipayException("single_trade_query answered without a valid total_fee.");
        }

        return new TradeQueryResult
        {
            Found = true,
            OrderNumber = Field("out_trade_no"),
            TradeNo = Field("trade_no"),
            Status = AlipayTradeStatusNames.Parse(Field("trade_status")),
            TotalFen = fen,
            SellerId = Field("seller_id"),
            BuyerId = Field("buyer_id"),
            PaidAt = ChinaTime.Parse(Field("gmt_payment")),
        };
    }
}
