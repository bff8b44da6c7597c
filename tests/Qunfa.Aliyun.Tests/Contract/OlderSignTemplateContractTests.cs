using System.Globalization;
using Qunfa.Aliyun.Errors;
using Qunfa.Aliyun.Manage;

namespace Qunfa.Aliyun.Tests.Contract;

/// <summary>QuerySmsSign and AddSmsTemplate, the older calls the official SDK still ships, through the real client.</summary>
public sealed class OlderSignTemplateContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QuerySmsSign_FollowsTheReview_AndRefusesAnUnknownName()
    {
        await using var host = await EmulatorContractHost.StartAsync();
        host.State.SeedSign("群发科技");
        var qualificationId = host.State.SeedQualification("甲有限公司", "91330100MA0000000X").ToString(CultureInfo.InvariantCulture);

        var approved = await host.Manage.QuerySmsSignAsync("群发科技", Ct);
        Assert.Equal("群发科技", approved.SignName);
        Assert.Equal(ReviewState.Approved, approved.Status.State);
        Assert.NotNull(approved.CreateDate);
        Assert.NotNull(approved.RequestId);

        await host.Manage.CreateSmsSignAsync(new SmsSignApplication("REJECT甲", SmsSignSource.EnterpriseName, qualificationId), Ct);
        Assert.Equal(ReviewState.UnderReview, (await host.Manage.QuerySmsSignAsync("REJECT甲", Ct)).Status.State);
        var rejected = await PollAsync(() => host.Manage.QuerySmsSignAsync("REJECT甲", Ct), s => s.Status.State != ReviewState.UnderReview);
        Assert.Equal(ReviewState.Rejected, rejected.Status.State);
        Assert.Contains("REJECT", rejected.Status.Reason, StringComparison.Ordinal);

        var unknown = await Assert.ThrowsAsync<AliyunApiException>(() => host.Manage.QuerySmsSignAsync("没有这个签名", Ct));
        Assert.Equal("isv.SMS_SIGN_ILLEGAL", unknown.Code);
    }

    [Fact]
    public async Task AddSmsTemplate_GetsACode_AndIsReviewedLikeACreatedTemplate()
    {
        await using var host = await EmulatorContractHost.StartAsync();

        var added = await host.Manage.AddSmsTemplateAsync("发货通知", "您的订单${order}已发货", SmsTemplateType.Notification, "电商发货通知", Ct);

        Assert.StartsWith("SMS_", added.TemplateCode, StringComparison.Ordinal);
        Assert.Equal("发货通知", added.TemplateName);
        var reviewed = await PollAsync(() => host.Manage.GetSmsTemplateAsync(added.TemplateCode, Ct), t => t.Status.State != ReviewState.UnderReview);
        Assert.Equal(ReviewState.Approved, reviewed.Status.State);
        Assert.Equal(SmsTemplateType.Notification, reviewed.TemplateType);
        Assert.Equal("您的订单${order}已发货", reviewed.TemplateContent);
        Assert.Contains((await host.Manage.QuerySmsTemplateListAsync(cancellationToken: Ct)).Items, t => t.TemplateCode == added.TemplateCode);

        var tooLong = await Assert.ThrowsAsync<AliyunApiException>(() =>
            host.Manage.AddSmsTemplateAsync("发货通知", "您的订单已发货", SmsTemplateType.Notification, new string('备', 101), Ct));
        Assert.Equal("isv.INVALID_PARAMETERS", tooLong.Code);
        await Assert.ThrowsAsync<ArgumentException>(() => host.Manage.AddSmsTemplateAsync("发货通知", "您的订单已发货", SmsTemplateType.Notification, " ", Ct));
    }

    [Fact]
    public async Task Client_PointedAtTheRootsOfTheProductListeners_SendsQueriesAndReadsReports()
    {
        await using var host = await EmulatorContractHost.StartAsync(productListeners: true);
        host.SeedSenderSetup();
        Assert.Equal("/", host.State.Options.DysmsapiUrl!.AbsolutePath);

        var sent = await host.Sms.SendSmsAsync(
            new Qunfa.Aliyun.Sms.SendSmsRequest(["13800138000"], "群发科技", "SMS_100", new Dictionary<string, string> { ["code"] = "1" }, "out-1"), Ct);
        Assert.Equal(ReviewState.Approved, (await host.Manage.QuerySmsSignAsync("群发科技", Ct)).Status.State);
        var queue = Qunfa.Aliyun.Mns.MnsQueue.ForAccount("1234567890", Qunfa.Aliyun.Mns.MnsQueue.SmsReport);
        var message = Assert.Single(await host.Mns.ReceiveAsync(queue, 16, 5, Ct));
        Assert.Equal(sent.BizId, Qunfa.Aliyun.Notifications.SmsReportParser.Parse(message.Body).BizId);
        Assert.Empty(await host.Mns.DeleteAsync(queue, [message.ReceiptHandle], Ct));
        Assert.Equal(new Qunfa.Emulators.EmulatorQueueCounts(0, 0), host.State.QueueCounts(queue.QueueName));
    }

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(50, Ct);
            value = await read();
        }
        return value;
    }
}
