namespace Qunfa.IntegrationTests.AlibabaCompat;

/// <summary>The test project's own signers reproduce the reference vectors, so the endpoint tests rest on the protocol itself.</summary>
public sealed class ReferenceSignerTests
{
    private static readonly Dictionary<string, string> V1A = new()
    {
        ["AccessKeyId"] = "testId", ["Action"] = "SendSms", ["Format"] = "XML", ["OutId"] = "123", ["PhoneNumbers"] = "15300000001",
        ["RegionId"] = "cn-hangzhou", ["SignName"] = "阿里云短信测试专用", ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466", ["SignatureVersion"] = "1.0", ["TemplateCode"] = "SMS_71390007",
        ["TemplateParam"] = "{\"customer\":\"test\"}", ["Timestamp"] = "2017-07-12T02:42:19Z", ["Version"] = "2017-05-25",
    };

    [Fact]
    public void V1_MatchesTheReferenceVectors()
    {
        var stringToSign = ReferenceSigners.V1StringToSign("GET", V1A);
        Assert.StartsWith("GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123", stringToSign);
        Assert.EndsWith("%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25", stringToSign);
        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", ReferenceSigners.V1Sign(stringToSign, "testSecret"));
        Assert.Equal("zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D", ReferenceSigners.Enc("zJDF+Lrzhj/ThnlvIToysFRq6t4="));
        Assert.Equal("Xvhv7fPXrPkLVSnlt0jIr08o8NQ=", ReferenceSigners.V1Sign(ReferenceSigners.V1StringToSign("POST", V1A), "testSecret"));

        var v1B = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid", ["Action"] = "DescribeDedicatedHosts", ["Format"] = "JSON", ["RegionId"] = "cn-beijing",
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureNonce"] = "edb2b34af0af9a6d14deaf7c1a5315eb", ["SignatureVersion"] = "1.0",
            ["Timestamp"] = "2023-03-13T08:34:30Z", ["Version"] = "2014-05-26",
        };
        Assert.Equal("9NaGiOspFP5UPcwX8Iwt2YJXXuk=", ReferenceSigners.V1Sign(ReferenceSigners.V1StringToSign("GET", v1B), "testsecret"));

        var v1C = ReferenceSigners.V1StringToSign("GET", new Dictionary<string, string> { ["query"] = "test", ["body"] = "test" });
        Assert.Equal("GET&%2F&body%3Dtest%26query%3Dtest", v1C);
        Assert.Equal("XlUyV4sXjOuX5FnjUz9IF9tm5rU=", ReferenceSigners.V1Sign(v1C, "secret"));
    }

    [Fact]
    public void V3_MatchesTheReferenceVectors()
    {
        var canonical = ReferenceSigners.V3CanonicalRequest("POST",
            "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
            [
                ("host", "ecs.cn-shanghai.aliyuncs.com"), ("x-acs-action", "RunInstances"), ("x-acs-version", "2014-05-26"),
                ("x-acs-date", "2023-10-26T10:22:32Z"), ("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
                ("x-acs-content-sha256", ReferenceSigners.EmptyHash),
            ],
            ReferenceSigners.EmptyHash);
        var stringToSign = ReferenceSigners.V3StringToSign(canonical);
        Assert.Equal("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", stringToSign);
        Assert.Equal("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", ReferenceSigners.V3Sign(stringToSign, "YourAccessKeySecret"));

        var query = ReferenceSigners.Canonical(new Dictionary<string, string>
        {
            ["OutId"] = "123", ["PhoneNumbers"] = "15300000001", ["SignName"] = "阿里云短信测试专用", ["TemplateCode"] = "SMS_71390007",
            ["TemplateParam"] = "{\"customer\":\"test\"}",
        });
        var sms = ReferenceSigners.V3StringToSign(ReferenceSigners.V3CanonicalRequest("POST", query,
            [
                ("host", "dysmsapi.aliyuncs.com"), ("x-acs-action", "SendSms"), ("x-acs-version", "2017-05-25"),
                ("x-acs-date", "2017-07-12T02:42:19Z"), ("x-acs-signature-nonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
                ("x-acs-content-sha256", ReferenceSigners.EmptyHash),
            ],
            ReferenceSigners.EmptyHash));
        Assert.Equal("ACS3-HMAC-SHA256\n650dceea999a72239c05fed30c8f88498259450e39db01fe0f1cf4c1bf59797a", sms);
        Assert.Equal("5fe5104f3ecef07ba84b850facd963195ac98ccac2c99aa8266852c4f247521c", ReferenceSigners.V3Sign(sms, "testSecret"));
    }
}
