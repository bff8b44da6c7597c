using Qunfa.Aliyun.Signing;

namespace Qunfa.Aliyun.Tests.Client.Signing;

public sealed class PercentEncodingTests
{
    [Theory]
    [InlineData("AZaz09-_.~", "AZaz09-_.~")]
    [InlineData(" ", "%20")]
    [InlineData("*", "%2A")]
    [InlineData("+", "%2B")]
    [InlineData("/", "%2F")]
    [InlineData("=&", "%3D%26")]
    [InlineData("{\"customer\":\"test\"}", "%7B%22customer%22%3A%22test%22%7D")]
    [InlineData("阿里云短信测试专用", "%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8")]
    [InlineData("2017-07-12T02:42:19Z", "2017-07-12T02%3A42%3A19Z")]
    public void EncodesAsAlibabaSigns(string input, string expected) =>
        Assert.Equal(expected, AliyunPercentEncoder.Encode(input));
}
