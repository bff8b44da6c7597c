using System.Net;
using System.Text;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Oss;
using Qunfa.Aliyun.Tests.Client.Support;

namespace Qunfa.Aliyun.Tests.Client.Manage;

public sealed class OssUploadTests : IDisposable
{
    private readonly AliyunTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task GetOssInfoForUploadFile_ReadsModel()
    {
        host.Handler.RespondJson("""
            {"Code":"OK","Model":{"AccessKeyId":"LTAI-oss","Policy":"cG9saWN5","Signature":"c2ln","Host":"https://alicom-fc-media.oss-cn-zhangjiakou.aliyuncs.com","StartPath":"123/","ExpireTime":"1772330400"}}
            """);

        var policy = await host.Manage.GetOssInfoForUploadFileAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("fcMediaSms", host.SingleRequest.Query["BizType"]);
        Assert.Equal("GetOSSInfoForUploadFile", host.SingleRequest.Headers["x-acs-action"]);
        Assert.Equal(new Uri("https://alicom-fc-media.oss-cn-zhangjiakou.aliyuncs.com"), policy.Host);
        Assert.Equal("123/", policy.StartPath);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772330400), policy.ExpireTime);
    }

    [Fact]
    public async Task GetQualificationOssInfo_ReadsData_HostWithoutScheme()
    {
        host.Handler.RespondJson("""{"Code":"OK","Success":true,"Data":{"AccessKeyId":"a","Policy":"p","Signature":"s","Host":"dysms-q.oss-cn-hangzhou.aliyuncs.com","StartPath":"q/1","Expire":1741521339}}""");

        var policy = await host.Manage.GetQualificationOssInfoAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("dysms", host.SingleRequest.Query["BizType"]);
        Assert.Equal("https://dysms-q.oss-cn-hangzhou.aliyuncs.com/", policy.Host.AbsoluteUri);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1741521339), policy.ExpireTime);
    }

    [Fact]
    public async Task UploadFile_PostsPolicyFormWithFileLast()
    {
        host.Handler.Respond(HttpStatusCode.OK);
        var policy = new OssUploadPolicy("LTAI-oss", "cG9saWN5", "c2ln", new Uri("http://127.0.0.1:5000/oss/bucket"), "123", null);

        var key = await host.Manage.UploadFileAsync(policy, "营业执照 scan.PNG", new MemoryStream(Encoding.UTF8.GetBytes("PNGDATA")), "image/png", TestContext.Current.CancellationToken);

        Assert.Matches("^123/[0-9a-f]{32}_{6}scan\\.png$", key);
        var request = host.SingleRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1:5000/oss/bucket", request.Uri.AbsoluteUri);
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers["Content-Type"], StringComparison.Ordinal);
        var body = request.BodyText;
        var order = new[] { "name=\"key\"", "name=\"OSSAccessKeyId\"", "name=\"policy\"", "name=\"Signature\"", "name=\"success_action_status\"", "name=\"file\"" }
            .Select(field => body.IndexOf(field, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Contains("\r\n\r\n" + key + "\r\n", body, StringComparison.Ordinal);
        Assert.Contains("\r\n\r\nLTAI-oss\r\n", body, StringComparison.Ordinal);
        Assert.Contains("PNGDATA", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadFile_FailureThrows()
    {
        host.Handler.RespondXml("<Error><Code>AccessDenied</Code></Error>", HttpStatusCode.Forbidden);
        var policy = new OssUploadPolicy("a", "p", "s", new Uri("https://oss.example/"), "", null);
        var ex = await Assert.ThrowsAsync<AliyunApiException>(() =>
            host.Manage.UploadFileAsync(policy, "a.png", new MemoryStream([1]), "image/png", TestContext.Current.CancellationToken));
        Assert.Equal(403, ex.HttpStatus);
    }
}
