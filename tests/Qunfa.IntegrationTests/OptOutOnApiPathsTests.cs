using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.IntegrationTests.AlibabaCompat;
using Qunfa.Web.Features.AlibabaCompat;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>
/// A number on the 退订名单 is left out of a promotion sent through the customer's programs: the signed /api/v1
/// and the Alibaba-compatible SendSms / SendBatchSms run the filter themselves, nothing in the test does.
/// </summary>
public sealed class OptOutOnApiPathsTests
{
    private const string OptedOut = "13912345678";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The scenario with <see cref="OptedOut"/> put on the list through the console page, and an API key pair.</summary>
    private static async Task<(InboundScenario S, string KeyId, string Secret)> StartAsync(DatabaseKind db)
    {
        var s = await InboundScenario.StartAsync(db);
        var added = await s.Client.PostFormAsync("/console/opt-outs?handler=Add", new Dictionary<string, string> { ["Input.Phone"] = OptedOut }, formPath: "/console/opt-outs");
        Assert.True(added.IsRedirectTo("/console/opt-outs"), $"{added.Status} {added.Location}");
        await using var scope = s.App.Services.CreateAsyncScope();
        var (issued, outcome) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(s.CustomerId, "营销系统", Ct);
        Assert.True(outcome.Succeeded);
        return (s, issued!.Key.AccessKeyId, issued.Secret);
    }

    private static Task<List<string>> PhonesOfAsync(InboundScenario s, long taskId) =>
        s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == taskId).OrderBy(r => r.Phone).Select(r => r.Phone).ToListAsync());

    private static Task<int> UsedAsync(InboundScenario s) => s.App.WithDbAsync(d => d.PackageGrants.SumAsync(g => g.Used));

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task HttpApiPromotion_LeavesTheOptedOutNumberOut_OfRecordsCarrierAndCount(DatabaseKind db)
    {
        var (s, keyId, secret) = await StartAsync(db);
        await using var _ = s;
        using var http = s.App.CreateClient();
        var api = new ApiTestSigner(http, keyId, secret);
        static string Promotion(params string[] phones) => JsonSerializer.Serialize(new
        {
            signName = SandboxAccount.SignName, templateCode = InboundScenario.PromotionCode, phoneNumbers = phones,
        });

        using var response = await api.PostAsync("/api/v1/sms/send", Promotion(OptedOut, "13933334444"));
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var accepted = JsonNode.Parse(text)!;
        Assert.Equal(1, (int)accepted["recipients"]!);
        Assert.Equal(1, (long)accepted["segments"]!);
        var taskId = (long)accepted["taskId"]!;

        var task = await s.WaitForCompletionAsync(taskId);
        Assert.Equal(1, task.NumberCount);
        Assert.Equal(1, task.DeliveredCount);
        Assert.Equal(["13933334444"], await PhonesOfAsync(s, taskId));
        Assert.Equal(1, await UsedAsync(s));
        var sandbox = CustomerScenario.Sandbox(s.App);
        Assert.Empty(sandbox.MessagesTo(OptedOut));
        Assert.Single(sandbox.MessagesTo("13933334444"));

        // Only opted-out numbers: nothing left to send, nothing charged.
        using var none = await api.PostAsync("/api/v1/sms/send", Promotion(OptedOut));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Equal("NoValidRecipients", (string?)JsonNode.Parse(await none.Content.ReadAsStringAsync(Ct))!["code"]);
        Assert.Equal(1, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
        Assert.Equal(1, await UsedAsync(s));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AlibabaCompatPromotion_SendSmsAndSendBatchSms_LeaveTheOptedOutNumberOut(DatabaseKind db)
    {
        var (s, keyId, secret) = await StartAsync(db);
        await using var _ = s;
        using var http = s.App.CreateClient();

        async Task<long> CallAsync(string action, Dictionary<string, string> parameters)
        {
            using var request = ReferenceSigners.V1("/aliyun/", action, parameters, keyId, secret);
            using var response = await http.SendAsync(request, Ct);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
            Assert.True((string?)body["Code"] == "OK", body.ToJsonString());
            Assert.True(BizIds.TryParse((string?)body["BizId"], out var taskId));
            return taskId;
        }

        var single = await CallAsync("SendSms", new()
        {
            ["PhoneNumbers"] = $"{OptedOut},13933334444", ["SignName"] = SandboxAccount.SignName, ["TemplateCode"] = InboundScenario.PromotionCode,
        });
        var batch = await CallAsync("SendBatchSms", new()
        {
            ["PhoneNumberJson"] = JsonSerializer.Serialize(new[] { "13955556666", OptedOut }),
            ["SignNameJson"] = JsonSerializer.Serialize(new[] { SandboxAccount.SignName, SandboxAccount.SignName }),
            ["TemplateCode"] = InboundScenario.PromotionCode,
        });

        foreach (var (taskId, kept) in new[] { (single, "13933334444"), (batch, "13955556666") })
        {
            var task = await s.WaitForCompletionAsync(taskId);
            Assert.Equal(1, task.NumberCount);
            Assert.Equal(1, task.BilledSegments);
            Assert.Equal([kept], await PhonesOfAsync(s, taskId));
        }
        Assert.Equal(2, await UsedAsync(s));
        var sandbox = CustomerScenario.Sandbox(s.App);
        Assert.Empty(sandbox.MessagesTo(OptedOut));
        Assert.Single(sandbox.MessagesTo("13933334444"));
        Assert.Single(sandbox.MessagesTo("13955556666"));
    }
}
