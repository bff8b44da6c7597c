using System.Security.Cryptography;
using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;
using Qunfa.Alipay.Rsa2;
using Qunfa.Alipay.Tests.Infrastructure;

namespace Qunfa.Alipay.Tests.Rsa2;

public sealed class Rsa2VerificationTests
{
    private const string AppId = "2021000000000042";
    private static readonly (string Private, string Public) Alipay = NewKeyPair();
    private static readonly (string Private, string Public) App = NewKeyPair();

    internal static (string Private, string Public) NewKeyPair()
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportPkcs8PrivateKeyPem(), rsa.ExportSubjectPublicKeyInfoPem());
    }

    private static AlipayRsa2Client Client(HttpMessageHandler? handler = null, string? alipayPublic = null) => new(
        new StubHttpClientFactory(handler ?? StubHandler.Text("")),
        new FixedSettingsProvider(rsa2: new AlipayRsa2Settings { AppId = AppId, AppPrivateKey = App.Private, AlipayPublicKey = alipayPublic ?? Alipay.Public }),
        TimeProvider.System);

    private static List<KeyValuePair<string, string>> Notification(string appId = AppId, params (string Key, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["app_id"] = appId, ["notify_id"] = "n1", ["notify_time"] = "2026-11-28 12:00:00", ["notify_type"] = "trade_status_sync",
            ["out_trade_no"] = "Q202611280000001", ["trade_no"] = "2026112822001400000000000001", ["trade_status"] = "TRADE_SUCCESS",
            ["total_amount"] = "12.34", ["seller_id"] = "2088000000000001", ["subject"] = "短信包 + 1", ["charset"] = "utf-8",
            ["passback_params"] = "a%3Db",
        };
        foreach (var (key, value) in overrides)
        {
            fields[key] = value;
        }

        var content = SignContent.Build(fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)), "sign", "sign_type");
        return [.. fields, new("sign_type", "RSA2"), new("sign", Rsa2Signer.Sign(content, Alipay.Private))];
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string key, string? value) =>
        value is null ? [.. fields.Where(f => f.Key != key)] : [.. fields.Select(f => f.Key == key ? new KeyValuePair<string, string>(key, value) : f)];

    [Fact]
    public void SignedNotificationVerifies()
    {
        var result = Client().VerifyNotification(Notification());
        Assert.True(result.IsValid, result.ToString());
        Assert.Equal((1234L, "a=b", AlipayProtocol.OpenPlatformRsa2), (result.Notification.TotalFen, result.Notification.Passback, result.Notification.Protocol));
    }

    [Fact]
    public void TamperedAmountFails() =>
        Assert.Equal(VerificationFailure.BadSignature, Client().VerifyNotification(With(Notification(), "total_amount", "0.01")).Failure);

    [Fact]
    public void WrongKeyFails() =>
        Assert.Equal(VerificationFailure.BadSignature, Client(alipayPublic: App.Public).VerifyNotification(Notification()).Failure);

    [Fact]
    public void GarbageSignatureFails() =>
        Assert.Equal(VerificationFailure.BadSignature, Client().VerifyNotification(With(Notification(), "sign", "not base64!")).Failure);

    [Fact]
    public void MissingSignFails() =>
        Assert.Equal(VerificationFailure.MissingSign, Client().VerifyNotification(With(Notification(), "sign", null)).Failure);

    [Theory]
    [InlineData("RSA")]
    [InlineData("MD5")]
    public void WrongSignTypeFails(string signType) =>
        Assert.Equal(VerificationFailure.WrongSignType, Client().VerifyNotification(With(Notification(), "sign_type", signType)).Failure);

    [Fact]
    public void AnotherAppsNotificationFails() =>
        Assert.Equal(VerificationFailure.AppIdMismatch, Client().VerifyNotification(Notification("2021000000009999")).Failure);

    [Fact]
    public void SignedButIncompleteFails() =>
        Assert.Equal(VerificationFailure.MissingField, Client().VerifyNotification(Notification(overrides: ("notify_id", ""))).Failure);

    [Fact]
    public void PagePayIsSignedWithTheAppKey()
    {
        var form = Client().CreatePagePay(Md5.Md5PaymentRequestTests.Request(1));

        Assert.Equal("https://openapi.alipay.com/gateway.do?charset=utf-8", form.Action.AbsoluteUri);
        var fields = form.Fields.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(("alipay.trade.page.pay", "RSA2", "JSON", "1.0"), (fields["method"], fields["sign_type"], fields["format"], fields["version"]));
        Assert.Contains("\"total_amount\":\"0.01\"", fields["biz_content"], StringComparison.Ordinal);
        Assert.Contains("\"product_code\":\"FAST_INSTANT_TRADE_PAY\"", fields["biz_content"], StringComparison.Ordinal);
        Assert.Contains("\"passback_params\":\"a%3Db\"", fields["biz_content"], StringComparison.Ordinal);
        var content = SignContent.Build(form.Fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)), "sign");
        Assert.Contains("sign_type=RSA2", content, StringComparison.Ordinal);
        Assert.True(Rsa2Signer.Verify(content, fields["sign"], App.Public));
        Assert.Equal(form.Fields, AlipayParameters.ParseQuery(form.RedirectUrl.Query));
    }

    private static string Signed(string method, string inner, string? key = null) =>
        $$"""{"{{method.Replace('.', '_')}}_response":{{inner}},"sign":"{{Rsa2Signer.Sign(inner, key ?? Alipay.Private)}}"}""";

    [Fact]
    public async Task SignedTradeNotExistIsNotFound()
    {
        var json = Signed("alipay.trade.query", """{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_NOT_EXIST","sub_msg":"交易不存在"}""");
        var result = await Client(StubHandler.Text(json)).QueryTradeAsync("Q1", ct: TestContext.Current.CancellationToken);
        Assert.False(result.Found);
        Assert.Equal("ACQ.TRADE_NOT_EXIST", result.ErrorCode);
    }

    [Fact]
    public async Task UnsignedOrForeignSignedAnswersThrow()
    {
        const string inner = """{"code":"10000","msg":"Success","out_trade_no":"Q1","trade_no":"T1","total_amount":"1.00","trade_status":"TRADE_SUCCESS"}""";
        await Assert.ThrowsAsync<AlipayException>(() => Client(StubHandler.Text($$"""{"alipay_trade_query_response":{{inner}}}""")).QueryTradeAsync("Q1", ct: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<AlipayException>(() => Client(StubHandler.Text(Signed("alipay.trade.query", inner, App.Private))).QueryTradeAsync("Q1", ct: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<AlipayException>(() => Client(StubHandler.Text("<html>")).QueryTradeAsync("Q1", ct: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CloseOfPaidTradeIsNotClosed()
    {
        var json = Signed("alipay.trade.close", """{"code":"40004","msg":"Business Failed","sub_code":"ACQ.TRADE_STATUS_ERROR","sub_msg":"交易状态不合法"}""");
        var result = await Client(StubHandler.Text(json)).CloseTradeAsync("Q1", ct: TestContext.Current.CancellationToken);
        Assert.False(result.Closed);
        Assert.Equal("ACQ.TRADE_STATUS_ERROR", result.ErrorCode);
    }

    [Fact]
    public void KeysLoadFromPemAndBareBase64()
    {
        var content = "a=1&b=2";
        var sign = Rsa2Signer.Sign(content, TestKeys.Base64Body(App.Private));
        Assert.True(Rsa2Signer.Verify(content, sign, TestKeys.Base64Body(App.Public)));
        Assert.True(Rsa2Signer.Verify(content, sign, App.Public));
        Assert.False(Rsa2Signer.Verify(content + "&c=3", sign, App.Public));
    }
}
