using Qunfa.Aliyun.Signing;

namespace Qunfa.Aliyun.Tests.Client.Signing;

public sealed class MnsSignatureTests
{
    private const string Date = "Thu, 09 Jul 2015 03:01:34 GMT";

    [Fact]
    public void DocumentationVector()
    {
        var stringToSign = MnsSignature.StringToSign("GET", null, null, Date, [new("x-mns-version", "2015-06-06")], "/MyQueue");
        Assert.Equal("GET\n\n\nThu, 09 Jul 2015 03:01:34 GMT\nx-mns-version:2015-06-06\n/MyQueue", stringToSign);
        Assert.Equal("uwx3yeWoILzgmvesW0BQSgfM7b8=", MnsSignature.Sign(stringToSign, "TestAccessSecret"));
    }

    [Fact]
    public void ReceiveMessageVector()
    {
        var stringToSign = MnsSignature.StringToSign(
            "GET", null, null, Date, [new("x-mns-version", "2015-06-06")], "/queues/Alicom-Queue-1234567890-SmsReport/messages?waitseconds=10");
        Assert.Equal("u478qgwVc/fSXzIRRmDL1hp4JZ4=", MnsSignature.Sign(stringToSign, "TestAccessSecret"));
    }

    [Fact]
    public void OnlyMnsHeadersAreCanonicalized_LowerCasedAndSorted()
    {
        var stringToSign = MnsSignature.StringToSign(
            "DELETE", "md5", "text/xml", Date, [new("X-MNS-Version", "2015-06-06"), new("security-token", "t"), new("x-mns-a", "1")], "/q");
        Assert.Equal("DELETE\nmd5\ntext/xml\n" + Date + "\nx-mns-a:1\nx-mns-version:2015-06-06\n/q", stringToSign);
    }

    [Fact]
    public void AuthorizationHeader() => Assert.Equal("MNS ak:sig", MnsSignature.Authorization("ak", "sig"));
}
