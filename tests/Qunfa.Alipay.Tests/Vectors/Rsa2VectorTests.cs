using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;
using Qunfa.Alipay.Rsa2;
using Qunfa.Alipay.Tests.Infrastructure;

namespace Qunfa.Alipay.Tests.Vectors;

/// <summary>Section B vectors of reference/alipay.md (V2–V5 are real Alipay sandbox signatures).</summary>
public sealed class Rsa2VectorTests
{
    internal const string V2ReturnUrl = "http://127.0.0.1:8000/alipay/verify?charset=utf-8&out_trade_no=1703141270&method=alipay.trade.page.pay.return&total_amount=0.01&sign=RJzbs5y7I41BO9UPnCdq7oWgoInyjELi9Qj6D%2BLAZXVpHTedemAHfVUowuF9iuznGZLxU6Xv1L3ZkzTGxmIfvzontCZNb0%2BRROqiT41lX91VYd6j4ZcOn8zsvlCdQSVHmYNJi%2Bw%2F40uHxo1ufRwHxBNtQKsoJCYk5VtZ92pQFvVyE5wPPT6Nolww5WlCAPxcWNby8VAiWT%2Bd2yxmFm8vZ6yj5rsLHTR72O76TkEXzOEex6e36Zf8M9YXww7RQbflMfk9eURPHW%2FoQq4hZr%2FlX7%2FO1nT5vdT4UVFai4V18Xm1KspBun8outJxqlWMIKVxGsYhIH1E79ORt4wQA7PG1g%3D%3D&trade_no=2023122122001499160501586202&auth_app_id=9021000122682882&version=1.0&app_id=9021000122682882&sign_type=RSA2&seller_id=2088721003899159&timestamp=2023-12-21+14%3A48%3A44";

    internal const string V3Sign = "Rs7SszD15WqbdJsGZPN+HpCBcQzBCkJx0ccNeg1rpUxyTVA1ps2vJ4sLhaa7O+lliTj6N1MSGqc8cK6JSs7nPg731RAOfneirtrqrlW2u0m15kWAKrVjgPGLUMtK/eT15e/6NcxsWra/bsZaan+nFDzO8xceOwy96W+qVUtTPfBRBp9Zjryi5oIONOifGMALD284YbNC3qq2eyqVysF+zgk+/MtuHk2Eh/fL7UbClHQXQ2hD686Dt8bR949TNMbkWCYXstmjVBO55qF8xhaoF/b5zAe5/O/13g/QlwDXBcF3XwJpbFWrBehoFFCnJhR/xXZ0E+D2Vsw1oAQ3l+R2dQ==";

    internal const string V3Content = "app_id=9021000122682882&auth_app_id=9021000122682882&buyer_id=2088722003899169&buyer_pay_amount=0.01&charset=utf-8&fund_bill_list=[{\"amount\":\"0.01\",\"fundChannel\":\"ALIPAYACCOUNT\"}]&gmt_create=2023-12-21 16:26:32&gmt_payment=2023-12-21 16:26:43&invoice_amount=0.01&notify_id=2023122101222162644199160501632046&notify_time=2023-12-21 16:26:45&notify_type=trade_status_sync&out_trade_no=1703147160&point_amount=0.00&receipt_amount=0.01&seller_id=2088721003899159&subject=yansongda+测试 - 1&total_amount=0.01&trade_no=2023122122001499160501589436&trade_status=TRADE_SUCCESS&version=1.0";

    internal const string V4Sign = "Mz0jF7DeQ6ogyle/5P6cxqbezmR9RNkuJFNIiH4bPrcHjwnaNsb3Ad5PAFc7xERDHOvfdWkNzx8++Ov+cAhfqIcKWNLyL7UFiRIeL1LoLku2K0rcAXeuxm9KKjYaEl3lr0JFQE/zUElfDcQn3s9ujNFkkMNOcPgQwbSPlEXja0a4syG76FnTknsITHONIbCCsIWnHMuf95cq8zkgjMUOlfVOL8l4Iv0n9n2r9H1OJKv+2GmDp6ntc9xAhrIlO+f5urp1N+LzO9lDx5r1HIjqlSiemNZAdQveQjRuOtx/FM4KhFvn3312Xv7XuKW9iqNnBSwXOEAuUXghXcqD8xl05g==";

    internal const string V4Body = """{"code":"10000","msg":"Success","out_trade_no":"1704093802","qr_code":"https:\/\/qr.alipay.com\/bax07651xvtprxfkmxyf00a9"}""";

    internal const string V5Sign = "WBz5iEFVhP99SRqHAaUi6KD+6u4xUxOgLAJ989gxByd79pa9bhHfQ0EFO/78YU3TuoqNvUBbHZ7LPxP+OPQFTUtHa5JF2pz+EfgBkYOnBPW+YGz6arGqmAPBy9I+ltJxKNKq4G7ehPG0gbtQQcVqqIR9vDylitmlGIIe+YKfNbEi+vPNkQ3HXLsu3lXKGqB21XSYb/NdxneALsVOowVqgU2SSR/+5TcUzCuW5VA/LWKnpXZEDdE1HTgUFqvqrYtLoVfmXO41oKZdrR3t4/rbV64YlWR4vPSuELuC4gLdXdd63PaOmdIo/5TxI26379ZC8IfhcBiS/KO3PYm1dbgpIg==";

    internal const string V5Body = """{"code":"10000","msg":"Success","buyer_logon_id":"ifv***@sandbox.com","buyer_pay_amount":"0.00","buyer_user_id":"2088722003899169","buyer_user_type":"PRIVATE","invoice_amount":"0.00","out_trade_no":"1703141270","point_amount":"0.00","receipt_amount":"0.00","send_pay_date":"2023-12-21 14:48:36","total_amount":"0.01","trade_no":"2023122122001499160501586202","trade_status":"TRADE_SUCCESS"}""";

    internal static List<KeyValuePair<string, string>> V3Notification() =>
    [
        .. V3Content.Split('&').Select(part => new KeyValuePair<string, string>(part[..part.IndexOf('=')], part[(part.IndexOf('=') + 1)..])),
        new("sign_type", "RSA2"),
        new("sign", V3Sign),
    ];

    internal static AlipayRsa2Client SandboxClient(HttpMessageHandler? handler = null, string? publicKey = null) => new(
        new StubHttpClientFactory(handler ?? StubHandler.Text("")),
        new FixedSettingsProvider(rsa2: new AlipayRsa2Settings
        {
            AppId = "9021000122682882",
            AppPrivateKey = TestKeys.V1PrivateKey,
            AlipayPublicKey = publicKey ?? TestKeys.SandboxAlipayPublicKey,
        }),
        TimeProvider.System);

    [Fact]
    public void V1_RequestSignature()
    {
        const string content = """alipay_root_cert_sn=28d1147972121b91734da59aa10f3c16_28d1147972121b91734da59aa10f3c16&app_cert_sn=28d1147972121b91734da59aa10f3c16&app_id=2016000000000000&biz_content={"out_trade_no":"20160401000000","product_code":"FAST_INSTANT_TRADE_PAY","total_amount":"0.01","subject":"test"}&charset=UTF-8&method=alipay.trade.page.pay&sign_type=RSA2&timestamp=2016-04-01 00:00:00&version=1.0""";
        const string expected = "SEOXB35dlg5c4P1dwFnZDuvI/AsjMx6rfC9Y2F83lLx86GK1C1bQ05HR/w/QhAbnXVIKt1/h9IrDx6q8mlalQbWiNMrWHDZHm5/MFYln29LDNxtOT9T3s4bSvzzwfjzmnock68H7dW+Jm+bf5q6KFzen6iiR3/y9BPwgldJhRh0=";
        Assert.Equal(expected, Rsa2Signer.Sign(content, TestKeys.V1PrivateKey));
        Assert.Equal(expected, Rsa2Signer.Sign(content, TestKeys.Base64Body(TestKeys.V1PrivateKey)));

        var parameters = content.Split('&')
            .Select(part => new KeyValuePair<string, string?>(part[..part.IndexOf('=')], part[(part.IndexOf('=') + 1)..]))
            .Reverse()
            .Append(new("sign", "ignored"))
            .Append(new("notify_url", ""));
        Assert.Equal(expected, Rsa2Signer.SignRequest(parameters, TestKeys.V1PrivateKey));
    }

    [Fact]
    public void V2_ReturnUrlVerifies()
    {
        var parameters = AlipayParameters.ParseQuery(V2ReturnUrl);
        Assert.Equal(
            "app_id=9021000122682882&auth_app_id=9021000122682882&charset=utf-8&method=alipay.trade.page.pay.return&out_trade_no=1703141270&seller_id=2088721003899159&timestamp=2023-12-21 14:48:44&total_amount=0.01&trade_no=2023122122001499160501586202&version=1.0",
            SignContent.Build(parameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)), "sign", "sign_type"));

        var result = SandboxClient().VerifyReturn(parameters);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(("1703141270", "2023122122001499160501586202", 1L), (result.Notification.OrderNumber, result.Notification.TradeNo, result.Notification.TotalFen));
        Assert.Equal("2088721003899159", result.Notification.SellerId);
        Assert.False(result.Notification.IsPaid);
        Assert.False(result.Notification.IsAsyncNotification);
    }

    [Fact]
    public void V3_NotificationVerifies()
    {
        var result = SandboxClient().VerifyNotification(V3Notification());

        Assert.True(result.IsValid, result.ToString());
        var n = result.Notification;
        Assert.Equal(("1703147160", "2023122122001499160501589436", 1L, AlipayTradeStatus.TradeSuccess), (n.OrderNumber, n.TradeNo, n.TotalFen, n.Status));
        Assert.Equal(("9021000122682882", "2088721003899159"), (n.AppId, n.SellerId));
        Assert.Equal("2023122101222162644199160501632046", n.NotifyId);
        Assert.Equal(new DateTimeOffset(2023, 12, 21, 16, 26, 45, TimeSpan.FromHours(8)), n.NotifyTime);
        Assert.True(n.IsPaid);
    }

    [Fact]
    public async Task V3_SurvivesFormEncodingWithLiteralPlus()
    {
        using var form = new FormUrlEncodedContent(V3Notification());
        var body = await form.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("yansongda%2B", body, StringComparison.Ordinal);

        var result = SandboxClient(publicKey: TestKeys.Base64Body(TestKeys.SandboxAlipayPublicKey)).VerifyNotification(AlipayParameters.ParseQuery(body));

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void V4_PrecreateResponseVerifiesOnRawText()
    {
        Assert.True(Rsa2Signer.Verify(V4Body, V4Sign, TestKeys.SandboxAlipayPublicKey));
        var json = $$"""{"alipay_trade_precreate_response":{{V4Body}},"sign":"{{V4Sign}}"}""";

        var response = OpenApiResponse.Read(json, "alipay.trade.precreate", TestKeys.SandboxAlipayPublicKey);

        Assert.True(response.IsSuccess);
        Assert.Equal("https://qr.alipay.com/bax07651xvtprxfkmxyf00a9", response.Get("qr_code"));
    }

    [Fact]
    public async Task V5_QueryResponseBecomesTradeQueryResult()
    {
        var json = $$"""{"alipay_trade_query_response":{{V5Body}},"sign":"{{V5Sign}}"}""";
        var client = SandboxClient(StubHandler.Text(json));

        var result = await client.QueryTradeAsync("1703141270", ct: TestContext.Current.CancellationToken);

        Assert.True(result.Found);
        Assert.True(result.IsPaid);
        Assert.Equal(("1703141270", "2023122122001499160501586202", 1L), (result.OrderNumber, result.TradeNo, result.TotalFen));
        Assert.Equal(new DateTimeOffset(2023, 12, 21, 14, 48, 36, TimeSpan.FromHours(8)), result.PaidAt);
    }

    [Fact]
    public async Task V5_TamperedResponseIsRejected()
    {
        var json = $$"""{"alipay_trade_query_response":{{V5Body.Replace("\"total_amount\":\"0.01\"", "\"total_amount\":\"100.00\"", StringComparison.Ordinal)}},"sign":"{{V5Sign}}"}""";
        var client = SandboxClient(StubHandler.Text(json));

        await Assert.ThrowsAsync<AlipayException>(() => client.QueryTradeAsync("1703141270", ct: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void V5_ReformattedResponseIsRejected()
    {
        var json = $$"""{"alipay_trade_query_response": {{V5Body.Replace(",", ", ", StringComparison.Ordinal)}},"sign":"{{V5Sign}}"}""";
        Assert.Throws<AlipayException>(() => OpenApiResponse.Read(json, "alipay.trade.query", TestKeys.SandboxAlipayPublicKey));
    }
}
