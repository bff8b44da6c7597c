using Qunfa.Aliyun.Signing;

namespace Qunfa.Aliyun.Tests.Client.Signing;

public sealed class RpcSignatureV1Tests
{
    private static readonly Dictionary<string, string> VectorAParameters = new()
    {
        ["AccessKeyId"] = "testId",
        ["Action"] = "SendSms",
        ["Format"] = "XML",
        ["OutId"] = "123",
        ["PhoneNumbers"] = "15300000001",
        ["RegionId"] = "cn-hangzhou",
        ["SignName"] = "阿里云短信测试专用",
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
        ["SignatureVersion"] = "1.0",
        ["TemplateCode"] = "SMS_71390007",
        ["TemplateParam"] = "{\"customer\":\"test\"}",
        ["Timestamp"] = "2017-07-12T02:42:19Z",
        ["Version"] = "2017-05-25",
    };

    [Fact]
    public void VectorA_CanonicalizedQueryString()
    {
        Assert.Equal(
            "AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25",
            RpcSignatureV1.CanonicalizedQueryString(VectorAParameters.Reverse()));
    }

    [Fact]
    public void VectorA_StringToSign()
    {
        Assert.Equal(
            "GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25",
            RpcSignatureV1.StringToSign("GET", RpcSignatureV1.CanonicalizedQueryString(VectorAParameters)));
    }

    [Fact]
    public void VectorA_Get() =>
        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", RpcSignatureV1.Sign("GET", VectorAParameters, "testSecret"));

    [Fact]
    public void VectorA_UrlEncodedSignature() =>
        Assert.Equal("zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D", AliyunPercentEncoder.Encode(RpcSignatureV1.Sign("GET", VectorAParameters, "testSecret")));

    [Fact]
    public void VectorA_Post() =>
        Assert.Equal("Xvhv7fPXrPkLVSnlt0jIr08o8NQ=", RpcSignatureV1.Sign("POST", VectorAParameters, "testSecret"));

    [Fact]
    public void VectorA_SignatureParameterIsNotSigned()
    {
        var withSignature = new Dictionary<string, string>(VectorAParameters) { ["Signature"] = "anything" };
        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", RpcSignatureV1.Sign("GET", withSignature, "testSecret"));
    }

    [Fact]
    public void VectorB_GenericRpc()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeDedicatedHosts",
            ["Format"] = "JSON",
            ["RegionId"] = "cn-beijing",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "edb2b34af0af9a6d14deaf7c1a5315eb",
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = "2023-03-13T08:34:30Z",
            ["Version"] = "2014-05-26",
        };
        Assert.Equal("9NaGiOspFP5UPcwX8Iwt2YJXXuk=", RpcSignatureV1.Sign("GET", parameters, "testsecret"));
    }

    [Fact]
    public void VectorC_SdkUnitTest()
    {
        var parameters = new Dictionary<string, string> { ["query"] = "test", ["body"] = "test" };
        Assert.Equal("GET&%2F&body%3Dtest%26query%3Dtest", RpcSignatureV1.StringToSign("GET", RpcSignatureV1.CanonicalizedQueryString(parameters)));
        Assert.Equal("XlUyV4sXjOuX5FnjUz9IF9tm5rU=", RpcSignatureV1.Sign("GET", parameters, "secret"));
    }

    [Fact]
    public void SortIsOrdinal_UpperCaseBeforeLowerCase() =>
        Assert.Equal("B=1&a=2", RpcSignatureV1.CanonicalizedQueryString([new("a", "2"), new("B", "1")]));

    [Fact]
    public void EmptyValuesAreSigned() =>
        Assert.Equal("a=&b=1", RpcSignatureV1.CanonicalizedQueryString([new("b", "1"), new("a", "")]));
}
