using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;
using Qunfa.Alipay.Md5;
using Qunfa.Alipay.Tests.Infrastructure;

namespace Qunfa.Alipay.Tests.Md5;

public sealed class Md5PaymentRequestTests
{
    private const string Key = "abcdefghijklmnopqrstuvwxyz012345";

    private static readonly AlipayMd5Client Client = new(
        new StubHttpClientFactory(StubHandler.Text("")),
        new FixedSettingsProvider(new AlipayMd5Settings { Partner = "2088000000000001", Md5Key = Key }));

    internal static PaymentRequest Request(long fen = 1234) => new()
    {
        OrderNumber = "Q202611280000001",
        Subject = "通知类短信包 1000 条 & more",
        TotalFen = fen,
        NotifyUrl = new Uri("https://shop.example.com/pay/alipay/notify"),
        ReturnUrl = new Uri("https://shop.example.com/pay/alipay/return"),
        PayTimeout = TimeSpan.FromMinutes(90),
        Passback = "a=b",
    };

    [Fact]
    public void FormIsSignedAndCarriesYuan()
    {
        var form = Client.CreatePayment(Request());

        Assert.Equal("https://mapi.alipay.com/gateway.do?_input_charset=utf-8", form.Action.AbsoluteUri);
        var fields = form.Fields.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(("create_direct_pay_by_user", "12.34", "1", "2088000000000001", "90m"),
            (fields["service"], fields["total_fee"], fields["payment_type"], fields["seller_id"], fields["it_b_pay"]));
        Assert.False(fields.ContainsKey("body"));
        Assert.True(Md5Signer.Verify(form.Fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)), fields["sign"], Key));
    }

    [Fact]
    public void RedirectUrlCarriesTheSameSignedParameters()
    {
        var form = Client.CreatePayment(Request());
        var parsed = AlipayParameters.ParseQuery(form.RedirectUrl.Query);
        Assert.Equal(form.Fields, parsed);
    }

    [Fact]
    public void InvalidRequestsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Client.CreatePayment(Request(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Client.CreatePayment(Request(AlipayMoney.MaxFen + 1)));
        Assert.Throws<ArgumentException>(() => Client.CreatePayment(Request() with { NotifyUrl = new Uri("https://shop.example.com/n?x=1") }));
        Assert.Throws<ArgumentException>(() => Client.CreatePayment(Request() with { OrderNumber = new string('1', 65) }));
    }
}
