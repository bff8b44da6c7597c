using System.Net;
using Qunfa.Alipay.Common;
using Qunfa.Alipay.Configuration;
using Qunfa.Alipay.Md5;
using Qunfa.Alipay.Tests.Infrastructure;

namespace Qunfa.Alipay.Tests.Md5;

public sealed class Md5VerificationTests
{
    private const string Partner = "2088000000000001";
    private const string Key = "abcdefghijklmnopqrstuvwxyz012345";

    private static AlipayMd5Client Client(StubHandler? handler = null, string key = Key) => new(
        new StubHttpClientFactory(handler ?? StubHandler.Text("true")),
        new FixedSettingsProvider(new AlipayMd5Settings { Partner = Partner, Md5Key = key }));

    private static List<KeyValuePair<string, string>> Fields(params (string Key, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["notify_time"] = "2026-11-28 12:00:00", ["notify_type"] = "trade_status_sync", ["notify_id"] = "n1",
            ["out_trade_no"] = "Q202611280000001", ["subject"] = "短信包 1000 条", ["payment_type"] = "1",
            ["trade_no"] = "2026112822001400000000000001", ["trade_status"] = "TRADE_SUCCESS", ["seller_id"] = Partner,
            ["total_fee"] = "12.34", ["gmt_payment"] = "2026-11-28 11:59:58", ["extra_common_param"] = "x+y",
        };
        foreach (var (key, value) in overrides)
        {
            fields[key] = value;
        }

        return [.. fields];
    }

    private static List<KeyValuePair<string, string>> Signed(List<KeyValuePair<string, string>> fields, string key = Key)
    {
        var sign = Md5Signer.Sign(fields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)), key);
        return [.. fields, new("sign", sign), new("sign_type", "MD5")];
    }

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string key, string? value) =>
        value is null ? [.. fields.Where(f => f.Key != key)] : [.. fields.Select(f => f.Key == key ? new KeyValuePair<string, string>(key, value) : f)];

    [Fact]
    public async Task SignedNotificationVerifies()
    {
        var handler = StubHandler.Text("true");
        var result = await Client(handler).VerifyNotificationAsync(Signed(Fields()), TestContext.Current.CancellationToken);

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(1234, result.Notification.TotalFen);
        Assert.Equal("x+y", result.Notification.Passback);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 11, 59, 58, TimeSpan.FromHours(8)), result.Notification.PaidAt);
        Assert.Contains("notify_id=n1", Assert.Single(handler.Requests).Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedAmountFailsSignature()
    {
        var handler = StubHandler.Text("true");
        var result = await Client(handler).VerifyNotificationAsync(With(Signed(Fields()), "total_fee", "0.01"), TestContext.Current.CancellationToken);

        Assert.Equal(VerificationFailure.BadSignature, result.Failure);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task WrongKeyFailsSignature() =>
        Assert.Equal(VerificationFailure.BadSignature,
            (await Client(key: "0".PadLeft(32, '0')).VerifyNotificationAsync(Signed(Fields()), TestContext.Current.CancellationToken)).Failure);

    [Fact]
    public async Task MissingSignFails() =>
        Assert.Equal(VerificationFailure.MissingSign,
            (await Client().VerifyNotificationAsync(With(Signed(Fields()), "sign", null), TestContext.Current.CancellationToken)).Failure);

    [Theory]
    [InlineData("RSA2")]
    [InlineData("")]
    public async Task WrongSignTypeFails(string signType) =>
        Assert.Equal(VerificationFailure.WrongSignType,
            (await Client().VerifyNotificationAsync(With(Signed(Fields()), "sign_type", signType), TestContext.Current.CancellationToken)).Failure);

    [Fact]
    public async Task SignedButIncompleteFails()
    {
        var result = await Client().VerifyNotificationAsync(Signed(With(Fields(), "trade_no", null)), TestContext.Current.CancellationToken);
        Assert.Equal(VerificationFailure.MissingField, result.Failure);
        Assert.Contains("trade_no", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("total_fee", "0.001")]
    [InlineData("total_fee", "-1.00")]
    [InlineData("trade_status", "TRADE_PENDING")]
    public async Task SignedButMalformedFails(string field, string value) =>
        Assert.Equal(VerificationFailure.InvalidField,
            (await Client().VerifyNotificationAsync(Signed(Fields((field, value))), TestContext.Current.CancellationToken)).Failure);

    [Fact]
    public async Task RepeatedParameterFails() =>
        Assert.Equal(VerificationFailure.InvalidField,
            (await Client().VerifyNotificationAsync([.. Signed(Fields()), new("total_fee", "0.01")], TestContext.Current.CancellationToken)).Failure);

    [Fact]
    public async Task NotifyVerifyFalseRejects() =>
        Assert.Equal(VerificationFailure.NotifyIdRejected,
            (await Client(StubHandler.Text("false")).VerifyNotificationAsync(Signed(Fields()), TestContext.Current.CancellationToken)).Failure);

    [Fact]
    public async Task UnreachableNotifyVerifyIsReportedSeparately() =>
        Assert.Equal(VerificationFailure.NotifyVerifyUnavailable,
            (await Client(StubHandler.Text("oops", HttpStatusCode.BadGateway)).VerifyNotificationAsync(Signed(Fields()), TestContext.Current.CancellationToken)).Failure);

    [Fact]
    public async Task ReturnNeedsIsSuccess()
    {
        var good = Signed(Fields(("is_success", "T")));
        Assert.True((await Client().VerifyReturnAsync(good, TestContext.Current.CancellationToken)).IsValid);
        Assert.Equal(VerificationFailure.InvalidField,
            (await Client().VerifyReturnAsync(Signed(Fields(("is_success", "F"))), TestContext.Current.CancellationToken)).Failure);
    }

    [Fact]
    public async Task NotConfiguredFails() =>
        Assert.Equal(VerificationFailure.NotConfigured,
            (await new AlipayMd5Client(new StubHttpClientFactory(StubHandler.Text("true")), new FixedSettingsProvider())
                .VerifyNotificationAsync(Signed(Fields()), TestContext.Current.CancellationToken)).Failure);
}
