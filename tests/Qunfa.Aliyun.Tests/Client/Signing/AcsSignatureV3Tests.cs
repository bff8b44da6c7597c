using Qunfa.Aliyun.Signing;

namespace Qunfa.Aliyun.Tests.Client.Signing;

public sealed class AcsSignatureV3Tests
{
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Fact]
    public void EmptyBodyHash()
    {
        Assert.Equal(EmptyHash, AcsSignatureV3.EmptyBodyHash);
        Assert.Equal(EmptyHash, AcsSignatureV3.HashPayload([]));
    }

    [Fact]
    public void VectorA_RunInstances()
    {
        var headers = AcsSignatureV3.SignedHeaders(
        [
            new("x-acs-version", "2014-05-26"),
            new("Host", "ecs.cn-shanghai.aliyuncs.com"),
            new("x-acs-action", "RunInstances"),
            new("x-acs-date", "2023-10-26T10:22:32Z"),
            new("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            new("x-acs-content-sha256", EmptyHash),
            new("Authorization", "ignored"),
        ]);
        var query = CanonicalQuery.Build(
        [
            new("RegionId", "cn-shanghai"),
            new("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"),
        ]);

        var canonical = AcsSignatureV3.CanonicalRequest("POST", query, headers, EmptyHash);

        Assert.Equal(
            "POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n"
            + "host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\nx-acs-content-sha256:" + EmptyHash + "\n"
            + "x-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\n"
            + "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n" + EmptyHash,
            canonical);
        Assert.Equal("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", AcsSignatureV3.HashCanonicalRequest(canonical));
        var signature = AcsSignatureV3.Sign(AcsSignatureV3.StringToSign(canonical), "YourAccessKeySecret");
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
            AcsSignatureV3.Authorization("YourAccessKeyId", AcsSignatureV3.SignedHeaderNames(headers), signature));
    }

    [Fact]
    public void VectorC_SendSms()
    {
        var headers = AcsSignatureV3.SignedHeaders(
        [
            new("host", "dysmsapi.aliyuncs.com"),
            new("x-acs-action", "SendSms"),
            new("x-acs-version", "2017-05-25"),
            new("x-acs-date", "2017-07-12T02:42:19Z"),
            new("x-acs-signature-nonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
            new("x-acs-content-sha256", EmptyHash),
        ]);
        var query = CanonicalQuery.Build(
        [
            new("PhoneNumbers", "15300000001"),
            new("SignName", "阿里云短信测试专用"),
            new("TemplateCode", "SMS_71390007"),
            new("TemplateParam", "{\"customer\":\"test\"}"),
            new("OutId", "123"),
        ]);
        Assert.Equal(
            "OutId=123&PhoneNumbers=15300000001&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D",
            query);

        var canonical = AcsSignatureV3.CanonicalRequest("POST", query, headers, EmptyHash);

        Assert.Equal("650dceea999a72239c05fed30c8f88498259450e39db01fe0f1cf4c1bf59797a", AcsSignatureV3.HashCanonicalRequest(canonical));
        Assert.Equal("5fe5104f3ecef07ba84b850facd963195ac98ccac2c99aa8266852c4f247521c", AcsSignatureV3.Sign(AcsSignatureV3.StringToSign(canonical), "testSecret"));
    }

    [Fact]
    public void OnlyHostContentTypeAndAcsHeadersAreSigned()
    {
        var headers = AcsSignatureV3.SignedHeaders([new("Accept", "x"), new("Content-Type", " text/xml "), new("X-Acs-Date", "d"), new("host", "h")]);
        Assert.Equal("content-type;host;x-acs-date", AcsSignatureV3.SignedHeaderNames(headers));
        Assert.Equal("text/xml", headers[0].Value);
    }
}
