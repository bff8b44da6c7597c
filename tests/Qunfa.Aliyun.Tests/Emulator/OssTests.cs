using System.Net;
using System.Text;

namespace Qunfa.Aliyun.Tests.Emulator;

public sealed class OssTests
{
    [Fact]
    public async Task PostObjectWithTheHandedOutPolicyStoresTheFile()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var info = await ctx.Rpc.V1Async("GetOSSInfoForUploadFile", new Dictionary<string, string> { ["BizType"] = "fcMediaSms" });
        Assert.Equal("OK", info.Code);
        var model = info.Json.GetProperty("Model");
        string F(string n) => model.GetProperty(n).GetString()!;
        var key = F("StartPath") + "/license.png";

        async Task<HttpStatusCode> Post(string k, string signature)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(k), "key" },
                { new StringContent(F("AccessKeyId")), "OSSAccessKeyId" },
                { new StringContent(F("Policy")), "policy" },
                { new StringContent(signature), "Signature" },
                { new StringContent("200"), "success_action_status" },
                { new ByteArrayContent(Encoding.UTF8.GetBytes("PNGDATA")), "file", "license.png" },
            };
            using var response = await ctx.Http.PostAsync(F("Host"), form, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await Post(key, "AAAA" + F("Signature")[4..]));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("elsewhere/license.png", F("Signature")));
        Assert.Equal(HttpStatusCode.OK, await Post(key, F("Signature")));
        Assert.Equal("PNGDATA", Encoding.UTF8.GetString(ctx.State.UploadedFile(key)!));

        var qualificationInfo = await ctx.Rpc.V1Async("GetQualificationOssInfo", new Dictionary<string, string> { ["BizType"] = "dysms" });
        Assert.Equal("OK", qualificationInfo.Code);
        Assert.True(qualificationInfo.Json.GetProperty("Data").TryGetProperty("Policy", out _));
    }
}
