using System.Globalization;
using Qunfa.Aliyun.Manage;

namespace Qunfa.Aliyun.Tests.Contract;

public sealed class ManageContractTests
{
    [Fact]
    public async Task Sign_CreateThenGet_GoesThroughReview()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        var qualificationId = host.State.SeedQualification("甲有限公司", "91330100MA0000000X").ToString(CultureInfo.InvariantCulture);
        var ct = TestContext.Current.CancellationToken;

        var created = await host.Manage.CreateSmsSignAsync(
            new SmsSignApplication("甲科技", SmsSignSource.EnterpriseName, qualificationId) { Remark = "客户通知" }, ct);
        var first = await host.Manage.GetSmsSignAsync("甲科技", ct);
        var approved = await PollAsync(() => host.Manage.GetSmsSignAsync("甲科技", ct), s => s.Status.State == ReviewState.Approved);

        Assert.Equal("甲科技", created.SignName);
        Assert.NotNull(created.OrderId);
        Assert.Equal(ReviewState.UnderReview, first.Status.State);
        Assert.Equal(ReviewState.Approved, approved.Status.State);
        Assert.Contains(
            (await host.Manage.QuerySmsSignListAsync(cancellationToken: ct)).Items,
            s => s.SignName == "甲科技" && s.Status.State == ReviewState.Approved);
    }

    [Fact]
    public async Task Template_CreateThenGet_RejectedWithReason()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        host.State.SeedSign("群发科技");
        var ct = TestContext.Current.CancellationToken;

        var created = await host.Manage.CreateSmsTemplateAsync(
            new SmsTemplateApplication("REJECT模板", "您的验证码为${code}", SmsTemplateType.VerificationCode)
            {
                RelatedSignName = "群发科技",
                TemplateRule = "{\"code\":\"characterWithNumber\"}",
                Remark = "登录",
            },
            ct);
        var rejected = await PollAsync(() => host.Manage.GetSmsTemplateAsync(created.TemplateCode, ct), t => t.Status.State != ReviewState.UnderReview);

        Assert.StartsWith("SMS_", created.TemplateCode, StringComparison.Ordinal);
        Assert.Equal(SmsTemplateType.VerificationCode, rejected.TemplateType);
        Assert.Equal(ReviewState.Rejected, rejected.Status.State);
        Assert.False(string.IsNullOrEmpty(rejected.Status.Reason));
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 60 && !done(value); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            value = await read();
        }

        return value;
    }
}
