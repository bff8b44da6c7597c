using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;
using Qunfa.Alipay.Md5;
using Qunfa.Alipay.Tests.Infrastructure;

namespace Qunfa.Alipay.Tests.Vectors;

/// <summary>Section A vectors of reference/alipay.md.</summary>
public sealed class Md5VectorTests
{
    private static IEnumerable<KeyValuePair<string, string?>> P(params (string Key, string? Value)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));

    private static List<KeyValuePair<string, string?>> FromContent(string content) =>
        [.. content.Split('&').Select(part => new KeyValuePair<string, string?>(part[..part.IndexOf('=')], part[(part.IndexOf('=') + 1)..]))];

    [Theory]
    [InlineData(TestKeys.Md5Key1, "bbd13b52823b576291595f472ebcfbc2")]
    [InlineData(TestKeys.Md5Key2, "6d581af270c023fdaaca6880491e9bf7")]
    public void Vector1_TwoParameters(string key, string expected)
    {
        var parameters = P(("service", "test"), ("partner", "123"));
        Assert.Equal("partner=123&service=test", SignContent.Build(parameters, "sign", "sign_type"));
        Assert.Equal(expected, Md5Signer.Sign(parameters, key));
    }

    [Fact]
    public void Vector2_CreateDirectPayUrl()
    {
        List<KeyValuePair<string, string>> parameters =
        [
            new("service", "create_direct_pay_by_user"), new("_input_charset", "utf-8"), new("partner", "1000000000000000"),
            new("seller_id", "1000000000000000"), new("payment_type", "1"), new("out_trade_no", "1"), new("subject", "test"),
            new("price", "0.01"), new("quantity", "1"),
        ];
        var signed = Md5RequestSigner.Sign(parameters, TestKeys.Md5Key1);
        Assert.Equal(
            "https://mapi.alipay.com/gateway.do?service=create_direct_pay_by_user&_input_charset=utf-8&partner=1000000000000000&seller_id=1000000000000000&payment_type=1&out_trade_no=1&subject=test&price=0.01&quantity=1&sign_type=MD5&sign=682ad02280fca7d4c0fd22678fdddeef",
            Md5RequestSigner.ToUrl(AlipayMd5Settings.ProductionGateway, signed).AbsoluteUri);
    }

    [Fact]
    public async Task Vector3_NotifyIdVerifiesWithSignatureAndNotifyVerify()
    {
        var parameters = P(("notify_id", "1234"), ("sign_type", "MD5"), ("sign", "22fc7e38e5acdfede396aa463870d111"));
        Assert.True(Md5Signer.Verify(parameters, "22fc7e38e5acdfede396aa463870d111", TestKeys.Md5Key1));

        var handler = StubHandler.Text("true");
        var client = new AlipayMd5Client(
            new StubHttpClientFactory(handler),
            new FixedSettingsProvider(new AlipayMd5Settings { Partner = "1000000000000000", Md5Key = TestKeys.Md5Key1 }));
        Assert.True(await client.NotifyVerifyAsync("1234", TestContext.Current.CancellationToken));
        Assert.Equal(
            "https://mapi.alipay.com/gateway.do?service=notify_verify&partner=1000000000000000&notify_id=1234",
            Assert.Single(handler.Requests).AbsoluteUri);
    }

    [Fact]
    public void Vector4_EmptyValuesAreDropped()
    {
        var parameters = P(("aaa", "111"), ("bbb", "2222"), ("ccc", "3333"), ("dd", ""), ("ggg", "1"));
        Assert.Equal("aaa=111&bbb=2222&ccc=3333&ggg=1", SignContent.Build(parameters, "sign", "sign_type"));
        Assert.Equal("7e63e20bcc6ad2ba695305e340592ffd", Md5Signer.Sign(parameters, "hello"));
    }

    [Fact]
    public void Vector5_FullNotification()
    {
        const string content = "buyer_email=buyer@example.com&buyer_id=2088602328397594&discount=0.00&gmt_create=2011-12-09 15:07:18&gmt_payment=2011-12-09 15:07:26&is_total_fee_adjust=N&notify_id=38c1fb14812b0e048c0271319689233605&notify_time=2011-12-09 18:31:00&notify_type=trade_status_sync&out_trade_no=1&payment_type=1&price=0.01&quantity=1&seller_email=admin@example.com&seller_id=1000000000000000&subject=test&total_fee=0.01&trade_no=2011120920655759&trade_status=TRADE_SUCCESS&use_coupon=N";
        var parameters = FromContent(content);
        parameters.Reverse();
        Assert.Equal(content, SignContent.Build(parameters, "sign", "sign_type"));
        Assert.Equal("fb224fad6f92302bb43b0a046fd64977", Md5Signer.Sign(parameters, TestKeys.Md5Key1));
    }

    [Fact]
    public void Vector5_ChineseIsHashedAsUtf8()
    {
        Assert.Equal("d30dc9c5b4dbd22fc711ec747d9f2ed6", Md5Signer.Sign(P(("subject", "测试"), ("service", "test"), ("partner", "123")), TestKeys.Md5Key1));
    }

    [Fact]
    public void Vector5_ParsesAsAPaidNotification()
    {
        var parameters = FromContent("buyer_email=buyer@example.com&buyer_id=2088602328397594&discount=0.00&gmt_create=2011-12-09 15:07:18&gmt_payment=2011-12-09 15:07:26&is_total_fee_adjust=N&notify_id=38c1fb14812b0e048c0271319689233605&notify_time=2011-12-09 18:31:00&notify_type=trade_status_sync&out_trade_no=1&payment_type=1&price=0.01&quantity=1&seller_email=admin@example.com&seller_id=1000000000000000&subject=test&total_fee=0.01&trade_no=2011120920655759&trade_status=TRADE_SUCCESS&use_coupon=N")
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))
            .Append(new("sign", "fb224fad6f92302bb43b0a046fd64977"))
            .Append(new("sign_type", "MD5"));
        var client = new AlipayMd5Client(new StubHttpClientFactory(StubHandler.Text("true")),
            new FixedSettingsProvider(new AlipayMd5Settings { Partner = "1000000000000000", Md5Key = TestKeys.Md5Key1 }));

        var result = client.VerifySignature(parameters);

        Assert.True(result.IsValid, result.ToString());
        var n = result.Notification;
        Assert.Equal(("1", "2011120920655759", 1L, AlipayTradeStatus.TradeSuccess), (n.OrderNumber, n.TradeNo, n.TotalFen, n.Status));
        Assert.Equal("1000000000000000", n.SellerId);
        Assert.Equal("38c1fb14812b0e048c0271319689233605", n.NotifyId);
        Assert.Equal(new DateTimeOffset(2011, 12, 9, 18, 31, 0, TimeSpan.FromHours(8)), n.NotifyTime);
        Assert.True(n.IsPaid);
    }
}
