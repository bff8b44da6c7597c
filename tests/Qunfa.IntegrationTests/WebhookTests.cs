using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Webhooks;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Features.Webhooks;

namespace Qunfa.IntegrationTests;

/// <summary>回调设置: URL rules, signed batches of delivery results and replies, retries after a refusal.</summary>
public sealed class WebhookTests
{
    private static readonly Dictionary<string, string> FastWebhooks = new()
    {
        ["Qunfa:Webhooks:AllowInsecureUrls"] = "true",
        ["Qunfa:Webhooks:PollInterval"] = "00:00:00.100",
        ["Qunfa:Webhooks:SafetyLag"] = "00:00:00.200",
        ["Qunfa:Webhooks:FirstRetryDelay"] = "00:00:00.300",
    };

    private static async Task<PageResponse> SaveUrlAsync(PageClient client, string url) =>
        await client.PostFormAsync("/console/webhook", new Dictionary<string, string> { ["Input.Url"] = url }, formPath: "/console/webhook");

    private static bool Verifies(string secret, WebhookReceiver.Received request)
    {
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(request.Timestamp + "\n" + request.Body)));
        return request.Signature == expected;
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Results_AndReplies_ArePostedSigned_AndARefusedBatchIsRetried(DatabaseKind db)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => n == 1 ? 500 : 200;
        await using var s = await InboundScenario.StartAsync(db, FastWebhooks);

        var saved = await SaveUrlAsync(s.Client, receiver.Url.ToString());
        Assert.True(saved.IsRedirectTo("/console/webhook"), $"{saved.Status} {saved.Html}");
        var shown = await s.Client.GetAsync("/console/webhook");
        var secret = Regex.Match(shown.Html, "data-testid=\"webhook-secret\">(whsec_[0-9a-f]+)<").Groups[1].Value;
        Assert.NotEmpty(secret);
        // Shown whole once only; stored protected.
        Assert.DoesNotContain(secret, (await s.Client.GetAsync("/console/webhook")).Html);
        Assert.DoesNotContain(secret, await s.App.WithDbAsync(d => d.WebhookEndpoints.Select(e => e.ProtectedSecret).SingleAsync()));

        var task = await s.SendAndWaitAsync(s.NotificationTemplateId, "13912345678\n13900000001");

        // The two receipts may land in one batch or two; together they hold both results, each once.
        var accepted = await InboundScenario.EventuallyAsync(
            () => Task.FromResult(receiver.Requests.Where(r => r.AnsweredWith == 200 && r.Body.Contains("\"report\"")).ToList()),
            l => l.Sum(r => JsonDocument.Parse(r.Body).RootElement.GetArrayLength()) >= 2, "the report batches");
        var refused = receiver.Requests.First();
        Assert.Equal(500, refused.AnsweredWith);
        Assert.Contains(accepted, r => r.Body == refused.Body);
        Assert.All(accepted, r => Assert.True(Verifies(secret, r), "signature"));
        Assert.False(Verifies(secret + "x", accepted[0]));
        var events = accepted.SelectMany(r => JsonDocument.Parse(r.Body).RootElement.EnumerateArray().Select(e => e.Clone())).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(task.Id, e.GetProperty("taskId").GetInt64()));
        Assert.Equal("DELIVERED", events.Single(e => e.GetProperty("phone").GetString() == "13912345678").GetProperty("status").GetString());
        var failed = events.Single(e => e.GetProperty("phone").GetString() == "13900000001");
        Assert.Equal("FAILED", failed.GetProperty("status").GetString());
        Assert.Equal("MOBILE_NOT_ON_SERVICE", failed.GetProperty("code").GetString());

        var first = await InboundScenario.EventuallyAsync(
            () => s.App.WithDbAsync(d => d.WebhookDeliveries.AsNoTracking().OrderBy(x => x.Id).FirstAsync()), x => x.Status == WebhookDeliveryStatus.Delivered, "the delivery row");
        Assert.Equal(2, first.Attempts);
        Assert.Equal(200, first.LastStatusCode);

        CustomerScenario.Sandbox(s.App).InjectSmsUp("13912345678", "好的", SandboxAccount.SignName);
        var reply = await InboundScenario.EventuallyAsync(
            () => Task.FromResult(receiver.Requests.FirstOrDefault(r => r.Body.Contains("\"reply\""))), r => r is not null, "the reply batch");
        Assert.True(Verifies(secret, reply!), "reply signature");
        var replyEvent = JsonDocument.Parse(reply!.Body).RootElement.EnumerateArray().Single();
        Assert.Equal("好的", replyEvent.GetProperty("content").GetString());
        Assert.Equal(task.Id, replyEvent.GetProperty("taskId").GetInt64());

        // Every event went out in exactly one batch.
        Assert.Equal(accepted.Count + 1, await s.App.WithDbAsync(d => d.WebhookDeliveries.CountAsync()));
        var page = await s.Client.GetAsync("/console/webhook");
        Assert.Contains("推送成功", page.Html);
        Assert.Contains("data-testid=\"webhook-delivery\"", page.Html);

        // Another customer sees none of it.
        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13700000000", "other@example.com", "乙公司");
        var foreign = await other.GetAsync("/console/webhook");
        Assert.DoesNotContain("推送成功", foreign.Html);
        Assert.DoesNotContain(receiver.Url.ToString(), foreign.Html);
    }

    [Fact]
    public async Task Url_MustBeHttpsToAPublicAddress_UnlessTheOperatorAllowsOtherwise()
    {
        await using var s = await InboundScenario.StartAsync(DatabaseKind.Sqlite);

        Assert.Contains(WebhookMessages.UrlRequired, (await SaveUrlAsync(s.Client, " ")).Html);
        Assert.Contains(WebhookMessages.UrlInvalid, (await SaveUrlAsync(s.Client, "not a url")).Html);
        Assert.Contains(WebhookMessages.UrlInvalid, (await SaveUrlAsync(s.Client, "ftp://example.com/hook")).Html);
        Assert.Contains(WebhookMessages.HttpsRequired, (await SaveUrlAsync(s.Client, "http://example.com/hook")).Html);
        Assert.Contains(WebhookMessages.PrivateAddress, (await SaveUrlAsync(s.Client, "https://127.0.0.1/hook")).Html);
        Assert.Contains(WebhookMessages.PrivateAddress, (await SaveUrlAsync(s.Client, "https://192.168.1.10/hook")).Html);
        Assert.Contains(WebhookMessages.PrivateAddress, (await SaveUrlAsync(s.Client, "https://[::1]/hook")).Html);
        Assert.Contains(WebhookMessages.PrivateAddress, (await SaveUrlAsync(s.Client, "https://localhost/hook")).Html);
        Assert.Contains(WebhookMessages.UrlTooLong, (await SaveUrlAsync(s.Client, "https://example.com/" + new string('a', 500))).Html);
        Assert.False(await s.App.WithDbAsync(d => d.WebhookEndpoints.AnyAsync()));

        var regenerateFirst = await s.Client.PostFormAsync("/console/webhook?handler=Regenerate", new Dictionary<string, string>(), formPath: "/console/webhook");
        Assert.Contains(WebhookMessages.NoEndpoint, regenerateFirst.Html);

        Assert.True((await SaveUrlAsync(s.Client, "https://example.com/hook")).IsRedirectTo("/console/webhook"));
        var first = await s.App.WithDbAsync(d => d.WebhookEndpoints.SingleAsync());
        Assert.Equal("https://example.com/hook", first.Url);
        var regenerated = await s.Client.PostFormAsync("/console/webhook?handler=Regenerate", new Dictionary<string, string>(), formPath: "/console/webhook");
        Assert.True(regenerated.IsRedirectTo("/console/webhook"));
        Assert.NotEqual(first.ProtectedSecret, await s.App.WithDbAsync(d => d.WebhookEndpoints.Select(e => e.ProtectedSecret).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Callback_CanBeStopped_AndWhatWasWaitingIsGivenUp(DatabaseKind db)
    {
        await using var s = await InboundScenario.StartAsync(db);
        var removeFirst = await s.Client.PostFormAsync("/console/webhook?handler=Remove", new Dictionary<string, string>(), formPath: "/console/webhook");
        Assert.Contains(WebhookMessages.NoEndpoint, removeFirst.Html);

        Assert.True((await SaveUrlAsync(s.Client, "https://example.com/hook")).IsRedirectTo("/console/webhook"));
        var customerId = await s.App.WithDbAsync(d => d.WebhookEndpoints.Select(e => e.CustomerId).SingleAsync());
        await s.App.WithDbAsync(async d =>
        {
            d.WebhookDeliveries.Add(new WebhookDelivery
            {
                CustomerId = customerId, Url = "https://example.com/hook", Payload = "[]", EventCount = 1,
                Status = WebhookDeliveryStatus.Pending, CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow.AddHours(1),
            });
            return await d.SaveChangesAsync();
        });

        var removed = await s.Client.PostFormAsync("/console/webhook?handler=Remove", new Dictionary<string, string>(), formPath: "/console/webhook");

        Assert.True(removed.IsRedirectTo("/console/webhook"));
        Assert.False(await s.App.WithDbAsync(d => d.WebhookEndpoints.AnyAsync()));
        var delivery = await s.App.WithDbAsync(d => d.WebhookDeliveries.SingleAsync());
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Equal(WebhookMessages.Removed, delivery.LastError);
        var page = await s.Client.GetAsync("/console/webhook");
        Assert.DoesNotContain("data-testid=\"webhook-secret\"", page.Html);
    }
}
