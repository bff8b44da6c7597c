using Microsoft.EntityFrameworkCore;
using Xunit;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Testing;

/// <summary>A customer with the sandbox signature, a notification template and a grant, on a host whose engine runs fast.</summary>
public static class SendingScenario
{
    public const string TemplateCode = "SMS_900000200";
    public const string Content = "您的订单${order}已发货";

    public static readonly IReadOnlyDictionary<string, string> FastEngine = new Dictionary<string, string>
    {
        ["Qunfa:Sending:IdleDelay"] = "00:00:00.050",
        ["Qunfa:Sending:RetryDelay"] = "00:00:00.200",
        ["Qunfa:Sending:RecoveryDelay"] = "00:00:02",
    };

    /// <summary>The host, the customer (its <see cref="Client"/> is logged in to the console), its template and grant.</summary>
    public sealed record Setup(QunfaApp App, PageClient Client, int CustomerId, int TemplateId, int GrantId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
        }
    }

    // Also used by the benchmarks, outside any test.
    private static CancellationToken Ct => TestContext.Current?.CancellationToken ?? CancellationToken.None;

    public static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? extra)
    {
        var all = new Dictionary<string, string>(FastEngine);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) all[k] = v;
        return all;
    }

    public static async Task<Setup> StartAsync(DatabaseKind db, int balance, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null) =>
        await PrepareAsync(await QunfaApp.StartAsync(db, Settings(settings), clock), balance);

    /// <summary>Completes the wizard with the sandbox carrier and prepares the sending customer on a started host.</summary>
    public static async Task<Setup> PrepareAsync(QunfaApp app, int balance)
    {
        var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, "13800000000", "sender@example.com");
        CustomerScenario.Sandbox(app).SeedTemplate(TemplateCode, Content, templateType: 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var assignment = scope.ServiceProvider.GetRequiredService<Assignment>();
            await assignment.AssignSignAsync(SandboxAccount.SignName, SignatureType.General, null, Ct);
            await assignment.AssignTemplateAsync(TemplateCode, null, Ct);
        }
        return await app.WithDbAsync(async d =>
        {
            var customer = await d.Customers.SingleAsync();
            var grant = new PackageGrant
            {
                CustomerId = customer.Id, Category = SmsCategory.Notification, Size = balance, Status = GrantStatus.Active,
                Source = GrantSource.Allocated, ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            d.PackageGrants.Add(grant);
            await d.SaveChangesAsync();
            return new Setup(app, client, customer.Id, await d.Templates.Select(t => t.Id).SingleAsync(), grant.Id);
        });
    }

    public static async Task<(SendAcceptance.Accepted? Task, Outcome Outcome)> SendAsync(
        Setup s, string numbers, Dictionary<string, string>? common = null, DateTimeOffset? scheduledAt = null, string signName = SandboxAccount.SignName)
    {
        common ??= new() { ["order"] = "A1001" };
        var list = RecipientListBuilder.Build(RecipientReader.ReadTextBox(numbers), new RecipientListOptions(TemplateVariables: ["order"], CommonValues: common));
        await using var scope = s.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendAcceptance>().AcceptAsync(
            new SendRequest(s.CustomerId, signName, s.TemplateId, common, list, scheduledAt), Ct);
    }

    public static async Task<SendTask> WaitForCompletionAsync(QunfaApp app, long taskId, int seconds = 60)
    {
        for (var i = 0; i < seconds * 4; i++)
        {
            var task = await app.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
            if (task.Status == SendTaskStatus.Completed) return task;
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"Task {taskId} did not complete in {seconds} s.");
    }
}
