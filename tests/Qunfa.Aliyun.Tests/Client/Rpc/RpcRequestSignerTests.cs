using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Rpc;
using Qunfa.Aliyun.Signing;
using Qunfa.Aliyun.Tests.Client.Support;

namespace Qunfa.Aliyun.Tests.Client.Rpc;

public sealed class RpcRequestSignerTests
{
    private static readonly DateTimeOffset Now = new(2017, 7, 12, 2, 42, 19, TimeSpan.Zero);
    private static readonly AliyunCredentials Keys = new("testId", "testSecret");

    private static RpcRequest VectorRequest() => new RpcRequest("SendSms")
        .Add("PhoneNumbers", "15300000001")
        .Add("SignName", "阿里云短信测试专用")
        .Add("TemplateCode", "SMS_71390007")
        .Add("TemplateParam", "{\"customer\":\"test\"}")
        .Add("OutId", "123");

    [Fact]
    public void V3_ReproducesVectorC()
    {
        using var message = RpcRequestSigner.Build(VectorRequest(), new Uri("https://dysmsapi.aliyuncs.com/"), Keys, AliyunSignatureVersion.V3, "cn-hangzhou", Now, "45e25e9b-0a6f-4070-8c85-2956eda1b466");

        Assert.Equal(HttpMethod.Post, message.Method);
        Assert.Equal("dysmsapi.aliyuncs.com", message.Headers.Host);
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=testId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=5fe5104f3ecef07ba84b850facd963195ac98ccac2c99aa8266852c4f247521c",
            message.Headers.GetValues("Authorization").Single());
        Assert.Null(message.Content);
        Assert.Equal("SendSms", message.Headers.GetValues("x-acs-action").Single());
    }

    [Fact]
    public void V3_BasePathIsNotPartOfTheSignature_HostIncludesPort()
    {
        using var message = RpcRequestSigner.Build(VectorRequest(), new Uri("http://127.0.0.1:5000/dysmsapi/"), Keys, AliyunSignatureVersion.V3, null, Now, "45e25e9b-0a6f-4070-8c85-2956eda1b466");

        Assert.StartsWith("http://127.0.0.1:5000/dysmsapi/?OutId=123&PhoneNumbers=", message.RequestUri!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1:5000", message.Headers.Host);
        var captured = new CapturedRequest(message.Method, message.RequestUri, message.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), null);
        RequestAssert.HasValidV3Signature(captured, "testId", "testSecret");
    }

    [Fact]
    public void V3_WireQueryKeepsAlibabaEncoding()
    {
        using var message = RpcRequestSigner.Build(new RpcRequest("X").Add("a", "b c*~"), new Uri("https://h/"), Keys, AliyunSignatureVersion.V3, null, Now, "n");
        Assert.Equal("?a=b%20c%2A~", message.RequestUri!.Query);
    }

    [Fact]
    public void V3_SecurityTokenIsSentAndSigned()
    {
        using var message = RpcRequestSigner.Build(VectorRequest(), new Uri("https://dysmsapi.aliyuncs.com/"), Keys with { SecurityToken = "sts" }, AliyunSignatureVersion.V3, null, Now, "n");
        Assert.Equal("sts", message.Headers.GetValues("x-acs-security-token").Single());
        Assert.Contains("x-acs-security-token", message.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void V1_AddsCommonParametersAndSignsThePost()
    {
        using var message = RpcRequestSigner.Build(VectorRequest(), new Uri("http://127.0.0.1:5000/dysmsapi/"), Keys, AliyunSignatureVersion.V1, "cn-hangzhou", Now, "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        var captured = new CapturedRequest(message.Method, message.RequestUri!, new Dictionary<string, string>(), null);
        var query = captured.Query;

        Assert.Equal("SendSms", query["Action"]);
        Assert.Equal("2017-05-25", query["Version"]);
        Assert.Equal("JSON", query["Format"]);
        Assert.Equal("HMAC-SHA1", query["SignatureMethod"]);
        Assert.Equal("1.0", query["SignatureVersion"]);
        Assert.Equal("2017-07-12T02:42:19Z", query["Timestamp"]);
        Assert.Equal("cn-hangzhou", query["RegionId"]);
        Assert.Equal("/dysmsapi/", message.RequestUri!.AbsolutePath);
        Assert.False(query.ContainsKey("SecurityToken"));
        RequestAssert.HasValidV1Signature(captured, "testSecret");
    }

    [Fact]
    public void V1_WithFormatXml_ReproducesVectorAPost()
    {
        // Same inputs as vector V1-A; the transport always asks for JSON, so compare through the signer with Format=XML.
        var parameters = VectorRequest().Parameters.Concat(
        [
            new("Action", "SendSms"), new("Version", "2017-05-25"), new("Format", "XML"), new("AccessKeyId", "testId"),
            new("SignatureMethod", "HMAC-SHA1"), new("SignatureVersion", "1.0"), new("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
            new("Timestamp", "2017-07-12T02:42:19Z"), new("RegionId", "cn-hangzhou"),
        ]);
        Assert.Equal("Xvhv7fPXrPkLVSnlt0jIr08o8NQ=", RpcSignatureV1.Sign("POST", parameters, "testSecret"));
    }

    [Fact]
    public void NullParametersAreDropped_EmptyOnesKept()
    {
        var request = new RpcRequest("X").Add("A", (string?)null).Add("B", "").Add("C", 5).Add("D", true);
        Assert.Equal(["B", "C", "D"], request.Parameters.Select(p => p.Key));
        Assert.Equal("5", request["C"]);
        Assert.Equal("true", request["D"]);
    }
}
