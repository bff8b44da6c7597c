using System.Net;
using Qunfa.Web.Features.Replies;
using Qunfa.Web.Features.Webhooks;

namespace Qunfa.UnitTests.Webhooks;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    public void PrivateAndLocalAddresses_AreRecognised(string address) =>
        Assert.True(WebhookUrlRules.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2400:3200::1")]
    public void PublicAddresses_AreAllowed(string address) =>
        Assert.False(WebhookUrlRules.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://10.0.0.5/hook")]
    [InlineData("http://localhost:8080/hook")]
    public void TheOperatorsSetting_AllowsHttpAndPrivateAddresses(string url)
    {
        Assert.False(WebhookUrlRules.Validate(url, allowInsecure: false, out _).Succeeded);
        Assert.True(WebhookUrlRules.Validate(url, allowInsecure: true, out var uri).Succeeded);
        Assert.NotNull(uri);
    }

    [Fact]
    public void UserInfoInTheUrl_IsRefused() =>
        Assert.Contains(WebhookMessages.UrlInvalid, WebhookUrlRules.Validate("https://user:pw@example.com/hook", false, out _).Errors["Url"]);

    [Fact]
    public void Signature_IsHmacSha256OfTimestampNewlineBody() =>
        // echo -n $'1700000000\n[]' | openssl dgst -sha256 -hmac secret -binary | base64
        Assert.Equal("4jmHTx+EWa9BBu3lNatL7gq0pEBgpui4L+HyEN8wI+U=", WebhookSignature.Sign("secret", "1700000000", "[]"));

    [Theory]
    [InlineData("T", true)]
    [InlineData(" td ", true)]
    [InlineData("退订", true)]
    [InlineData("n", true)]
    [InlineData("TD了", false)]
    [InlineData("不要退订", false)]
    public void OptOutWords_AreTheWholeTrimmedReply(string content, bool optOut) =>
        Assert.Equal(optOut, OptOutWords.Matches(content));
}
