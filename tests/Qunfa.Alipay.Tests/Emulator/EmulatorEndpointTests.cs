using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;
using Qunfa.Alipay.Md5;
using Qunfa.Alipay.Tests.Infrastructure;
using Qunfa.Emulators.Alipay;

namespace Qunfa.Alipay.Tests.Emulator;

public sealed class EmulatorEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MountsUnderAnyPrefixInAnotherApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAlipayEmulator(o => o.TimeScale = 0.0001);
        await using var app = builder.Build();
        app.MapAlipayEmulator("/emu/alipay");
        await app.StartAsync(Ct);
        var gateway = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/emu/alipay/gateway.do");
        var client = new AlipayMd5Client(
            new StubHttpClientFactory(new HttpClientHandler()),
            new FixedSettingsProvider(new AlipayMd5Settings { Gateway = gateway, Partner = AlipayEmulatorDefaults.Partner, Md5Key = AlipayEmulatorDefaults.Md5Key }));
        await using var merchant = await MerchantListener.StartAsync();
        var verified = new TaskCompletionSource<NotificationVerification>();
        merchant.Respond = async (parameters, _) =>
        {
            var result = await client.VerifyNotificationAsync(parameters);
            verified.TrySetResult(result);
            return AlipayNotifyAnswer.Success;
        };
        using var buyer = new Buyer();

        await buyer.PayAndFollowToReturnAsync(
            client.CreatePayment(new PaymentRequest { OrderNumber = "P1", Subject = "s", TotalFen = 5, NotifyUrl = merchant.NotifyUrl, ReturnUrl = merchant.ReturnUrl }),
            merchant.ReturnUrl);

        Assert.True((await verified.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct)).IsValid);
        Assert.True((await client.QueryTradeAsync("P1", ct: Ct)).IsPaid);
    }

    [Fact]
    public async Task SingleTradeQueryAnswersReferenceShapedXml()
    {
        await using var c = await ContractContext.StartAsync();
        await c.Buyer.PayAndFollowToReturnAsync(c.Md5.CreatePayment(c.Order("X000000000000001")), c.Merchant.ReturnUrl);
        var partnerOnly = new List<KeyValuePair<string, string>>
        {
            new("service", "single_trade_query"), new("partner", AlipayEmulatorDefaults.Partner), new("_input_charset", "utf-8"), new("out_trade_no", "X000000000000001"),
        };
        var sign = Md5Signer.Sign(partnerOnly.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)), AlipayEmulatorDefaults.Md5Key);
        using var http = new HttpClient();
        var xml = XDocument.Parse(await http.GetStringAsync(
            new Uri(c.Emulator.GatewayUrl + "?" + AlipayParameters.ToQuery([.. partnerOnly, new("sign_type", "MD5"), new("sign", sign)])), Ct));

        Assert.Equal("T", xml.Root!.Element("is_success")!.Value);
        var trade = xml.Root.Element("response")!.Element("trade")!;
        Assert.Equal(("TRADE_SUCCESS", "12.34"), (trade.Element("trade_status")!.Value, trade.Element("total_fee")!.Value));
        Assert.Equal("MD5", xml.Root.Element("sign_type")!.Value);

        var unsigned = XDocument.Parse(await http.GetStringAsync(new Uri(c.Emulator.GatewayUrl + "?" + AlipayParameters.ToQuery(partnerOnly)), Ct));
        Assert.Equal(("F", "ILLEGAL_SIGN_TYPE"), (unsigned.Root!.Element("is_success")!.Value, unsigned.Root.Element("error")!.Value));
        var forged = XDocument.Parse(await http.GetStringAsync(
            new Uri(c.Emulator.GatewayUrl + "?" + AlipayParameters.ToQuery([.. partnerOnly, new("sign_type", "MD5"), new("sign", new string('0', 32))])), Ct));
        Assert.Equal("ILLEGAL_SIGN", forged.Root!.Element("error")!.Value);
    }

    [Fact]
    public async Task ConflictingOrRepeatedParametersAreRefused()
    {
        await using var c = await ContractContext.StartAsync();
        var form = c.Md5.CreatePayment(c.Order("X000000000000002"));
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent([.. form.Fields, new("total_fee", "0.01")]);

        var response = await http.PostAsync(form.Action, content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(c.Emulator.State.Trades);
    }

    [Fact]
    public async Task RedirectUrlWorksWithoutAForm()
    {
        await using var c = await ContractContext.StartAsync();
        using var http = new HttpClient();
        var html = await http.GetStringAsync(c.Rsa2.CreatePagePay(c.Order("X000000000000003")).RedirectUrl, Ct);
        Assert.Contains("X000000000000003", html, StringComparison.Ordinal);
        html = await http.GetStringAsync(c.Md5.CreatePayment(c.Order("X000000000000004")).RedirectUrl, Ct);
        Assert.Contains("X000000000000004", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptsPriceAndQuantityAsInReferenceVector2()
    {
        await using var c = await ContractContext.StartAsync();
        List<KeyValuePair<string, string>> parameters =
        [
            new("service", "create_direct_pay_by_user"), new("_input_charset", "utf-8"), new("partner", AlipayEmulatorDefaults.Partner),
            new("seller_id", AlipayEmulatorDefaults.Partner), new("payment_type", "1"), new("out_trade_no", "1"), new("subject", "test"),
            new("price", "0.01"), new("quantity", "1"),
        ];
        using var http = new HttpClient();
        var html = await http.GetStringAsync(Md5RequestSigner.ToUrl(c.Emulator.GatewayUrl, Md5RequestSigner.Sign(parameters, AlipayEmulatorDefaults.Md5Key)), Ct);
        Assert.Contains("￥0.01", html, StringComparison.Ordinal);
    }
}
