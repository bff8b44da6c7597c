using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>回调设置 of two customers: each receiver is posted its own customer's results and replies, never the other's.</summary>
public sealed class WebhookIsolationTests
{
    private static readonly Dictionary<string, string> FastWebhooks = new()
    {
        ["Qunfa:Webhooks:AllowInsecureUrls"] = "true",
        ["Qunfa:Webhooks:PollInterval"] = "00:00:00.100",
        ["Qunfa:Webhooks:SafetyLag"] = "00:00:00.200",
        ["Qunfa:Webhooks:FirstRetryDelay"] = "00:00:00.300",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task SaveUrlAsync(PageClient client, WebhookReceiver receiver)
    {
        var saved = await client.PostFormAsync("/console/webhook", new Dictionary<string, string> { ["Input.Url"] = receiver.Url.ToString() }, formPath: "/console/webhook");
        Assert.True(saved.IsRedirectTo("/console/webhook"), $"{saved.Status} {saved.Location}");
    }

    /// <summary>Every event posted to <paramref name="receiver"/> and acknowledged.</summary>
    private static List<JsonElement> Events(WebhookReceiver receiver) =>
        receiver.Requests.Where(r => r.AnsweredWith == 200)
            .SelectMany(r => JsonDocument.Parse(r.Body).RootElement.EnumerateArray().Select(e => e.Clone())).ToList();

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwoCustomers_EachReceiverGetsOnlyItsOwnTasksNumbersAndReplies(DatabaseKind db)
    {
        await using var hookA = await WebhookReceiver.StartAsync();
        await using var hookB = await WebhookReceiver.StartAsync();
        await using var s = await InboundScenario.StartAsync(db, FastWebhooks);
        using var clientB = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, clientB, "13700000000", "second@example.com", "乙公司");
        var customerB = await s.App.WithDbAsync(d => d.Customers.Where(c => c.Email == "second@example.com").Select(c => c.Id).SingleAsync());
        await using (var scope = s.App.Services.CreateAsyncScope())
        {
            var assignment = scope.ServiceProvider.GetRequiredService<Assignment>();
            await assignment.AssignSignAsync(SandboxAccount.SignName, SignatureType.General, [customerB], Ct);
            await assignment.AssignTemplateAsync(InboundScenario.NotificationCode, [customerB], Ct);
        }
        var templateB = await s.App.WithDbAsync(async d =>
        {
            d.PackageGrants.Add(new PackageGrant
            {
                CustomerId = customerB, Category = SmsCategory.General, Size = 10, Status = GrantStatus.Active, Source = GrantSource.Allocated,
                ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await d.SaveChangesAsync();
            return await d.Templates.Where(t => t.CustomerId == customerB).Select(t => t.Id).SingleAsync();
        });
        await SaveUrlAsync(s.Client, hookA);
        await SaveUrlAsync(clientB, hookB);

        var taskA = await s.SendAndWaitAsync(s.NotificationTemplateId, "13912345678\n13900000001");
        var common = new Dictionary<string, string> { ["order"] = "B1" };
        long taskB;
        await using (var scope = s.App.Services.CreateAsyncScope())
        {
            var list = RecipientListBuilder.Build(RecipientReader.ReadTextBox("13987654321"), new RecipientListOptions(TemplateVariables: ["order"], CommonValues: common));
            var (accepted, outcome) = await scope.ServiceProvider.GetRequiredService<SendAcceptance>().AcceptAsync(
                new SendRequest(customerB, SandboxAccount.SignName, templateB, common, list), Ct);
            Assert.True(outcome.Succeeded);
            taskB = accepted!.TaskId;
        }
        await s.WaitForCompletionAsync(taskB);
        // A reply to each customer's message.
        var sandbox = CustomerScenario.Sandbox(s.App);
        sandbox.InjectSmsUp("13912345678", "甲的回复", SandboxAccount.SignName);
        sandbox.InjectSmsUp("13987654321", "乙的回复", SandboxAccount.SignName);

        var eventsA = await InboundScenario.EventuallyAsync(() => Task.FromResult(Events(hookA)), e => e.Count >= 3, "customer A's two results and reply");
        var eventsB = await InboundScenario.EventuallyAsync(() => Task.FromResult(Events(hookB)), e => e.Count >= 2, "customer B's result and reply");

        Assert.Equal(3, eventsA.Count);
        Assert.All(eventsA, e => Assert.Equal(taskA.Id, e.GetProperty("taskId").GetInt64()));
        Assert.Equal(["13900000001", "13912345678", "13912345678"], eventsA.Select(e => e.GetProperty("phone").GetString()).Order());
        Assert.Equal(2, eventsB.Count);
        Assert.All(eventsB, e => Assert.Equal(taskB, e.GetProperty("taskId").GetInt64()));
        Assert.All(eventsB, e => Assert.Equal("13987654321", e.GetProperty("phone").GetString()));
        Assert.DoesNotContain(hookA.Requests, r => r.Body.Contains("乙的回复") || r.Body.Contains("13987654321"));
        Assert.DoesNotContain(hookB.Requests, r => r.Body.Contains("甲的回复") || r.Body.Contains("13912345678"));
    }
}
