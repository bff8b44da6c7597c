using System.Text;
using Qunfa.Web.Features.HttpApi;

namespace Qunfa.UnitTests;

/// <summary>The /api/v1 StringToSign and signature against values computed outside .NET (Python hmac/hashlib).</summary>
public sealed class ApiRequestSigningTests
{
    private const string Expected =
        "POST\n/api/v1/sms/send?x=1\n1700000000\nabcdefgh\n015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862";

    [Fact]
    public void StringToSign_JoinsMethodPathTimestampNonceAndLowerHexBodyHash()
    {
        var text = ApiRequestSigning.StringToSign("post", "/api/v1/sms/send?x=1", "1700000000", "abcdefgh", Encoding.UTF8.GetBytes("{\"a\":1}"));

        Assert.Equal(Expected, text);
    }

    [Fact]
    public void StringToSign_OfAnEmptyBody_EndsWithTheHashOfNothing()
    {
        var text = ApiRequestSigning.StringToSign("GET", "/api/v1/balance", "1", "abcdefgh", []);

        Assert.EndsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", text);
    }

    [Fact]
    public void Sign_IsBase64HmacSha256OfTheStringToSign()
    {
        Assert.Equal("lYXp/eAFAYbs/FgpiFbc26QMYig0hT70A0BM3Qau+Fc=", ApiRequestSigning.Sign("testsecret", Expected));
        Assert.True(ApiRequestSigning.Matches("testsecret", Expected, "lYXp/eAFAYbs/FgpiFbc26QMYig0hT70A0BM3Qau+Fc="));
        Assert.False(ApiRequestSigning.Matches("othersecret", Expected, "lYXp/eAFAYbs/FgpiFbc26QMYig0hT70A0BM3Qau+Fc="));
        Assert.False(ApiRequestSigning.Matches("testsecret", Expected, "not base64!"));
    }
}
