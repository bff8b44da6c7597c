using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Replies;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>
/// A sandbox installation with one customer signed in on <see cref="Client"/>, a notification and a promotion
/// template, and a general package that pays for both.
/// </summary>
internal sealed record InboundScenario(QunfaApp App, PageClient Client, int CustomerId, int NotificationTemplateId, int PromotionTemplateId) : IAsyncDisposable
{
    public const string NotificationCode = "SMS_900000200";
    public const string NotificationContent = "您的订单${order}已发货";
    public const string PromotionCode = "SMS_900000300";
    public const string PromotionContent = "双十一大促，全场五折";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<InboundScenario> StartAsync(DatabaseKind db, Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>
        {
            ["Qunfa:Sending:IdleDelay"] = "00:00:00.050",
            ["Qunfa:Sending:RetryDelay"] = "00:00:00.200",
            ["Qunfa:Sending:RecoveryDelay"] = "00:00:02",
        };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        var app = await QunfaApp.StartAsync(db, all);
        var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, "13800000000", "sender@example.com", "甲公司");
        var sandbox = CustomerScenario.Sandbox(app);
        sandbox.SeedTemplate(NotificationCode, NotificationContent, templateType: 1);
        sandbox.SeedTemplate(PromotionCode, PromotionContent, templateType: 2);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var assignment = scope.ServiceProvider.GetRequiredService<Assignment>();
            await assignment.AssignSignAsync(SandboxAccount.SignName, SignatureType.General, null, Ct);
            await assignment.AssignTemplateAsync(NotificationCode, null, Ct);
            await assignment.AssignTemplateAsync(PromotionCode, null, Ct);
        }
        return await app.WithDbAsync(async d =>
        {
            var customer = await d.Customers.SingleAsync();
            d.PackageGrants.Add(new PackageGrant
            {
                CustomerId = customer.Id, Category = SmsCategory.General, Size = 100, Status = GrantStatus.Active,
                Source = GrantSource.Allocated, ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await d.SaveChangesAsync();
            var notification = await d.Templates.Where(t => t.TemplateCode == NotificationCode).Select(t => t.Id).SingleAsync();
            var promotion = await d.Templates.Where(t => t.TemplateCode == PromotionCode).SingleAsync();
            Assert.Equal(TemplateType.Promotion, promotion.Type);
            return new InboundScenario(app, client, customer.Id, notification, promotion.Id);
        });
    }

    /// <summary>Sends through the engine as the API paths do (opt-outs filtered first) and waits until every receipt is in.</summary>
    public async Task<SendTask> SendAndWaitAsync(int templateId, string numbers)
    {
        var isPromotion = templateId == PromotionTemplateId;
        var common = isPromotion ? new Dictionary<string, string>() : new Dictionary<string, string> { ["order"] = "A1001" };
        var list = RecipientListBuilder.Build(RecipientReader.ReadTextBox(numbers),
            new RecipientListOptions(TemplateVariables: isPromotion ? [] : ["order"], CommonValues: common));
        SendAcceptance.Accepted? accepted;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var filtered = await scope.ServiceProvider.GetRequiredService<OptOutFilter>().ApplyForTemplateAsync(CustomerId, templateId, list, Ct);
            var (task, outcome) = await scope.ServiceProvider.GetRequiredService<SendAcceptance>().AcceptAsync(
                new SendRequest(CustomerId, SandboxAccount.SignName, templateId, common, filtered.Recipients), Ct);
            Assert.True(outcome.Succeeded, string.Join(";", outcome.Errors.SelectMany(e => e.Value)));
            accepted = task;
        }
        return await WaitForCompletionAsync(accepted!.TaskId);
    }

    public async Task<SendTask> WaitForCompletionAsync(long taskId)
    {
        for (var i = 0; i < 240; i++)
        {
            var task = await App.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
            if (task.Status == SendTaskStatus.Completed) return task;
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"Task {taskId} did not complete in 60 s.");
    }

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            var value = await read();
            if (done(value)) return value;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"Timed out waiting for {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
