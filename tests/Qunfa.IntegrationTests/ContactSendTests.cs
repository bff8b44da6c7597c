using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>发送短信 and /api/v1/sms/send to 通讯录 groups: each number once, each contact's fields as its variables, opt-outs left out.</summary>
public sealed class ContactSendTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string TestId(PageResponse page, string id)
    {
        var match = Regex.Match(page.Html, $"data-testid=\"{id}\">(.*?)</(dd|span|p)>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No {id} on the page");
        return Regex.Replace(match.Groups[1].Value, "<[^>]+>", " ").Trim();
    }

    private static Dictionary<string, string> Form(int templateId, string? numbers, params int[] groupIds)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = templateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (numbers is not null) fields["Input.Numbers"] = numbers;
        for (var i = 0; i < groupIds.Length; i++) fields[$"Input.GroupIds[{i}]"] = groupIds[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    private static Task<PageResponse> PreviewAsync(PageClient client, Dictionary<string, string> fields) =>
        client.PostMultipartAsync("/console/send?handler=Preview", fields, "Input.File", null, "", "text/plain", formPath: "/console/send");

    /// <summary>Previews and confirms; the task id the console went on to.</summary>
    private static async Task<long> SendAsync(PageClient client, Dictionary<string, string> fields)
    {
        var preview = await PreviewAsync(client, fields);
        Assert.Contains("确认发送", preview.Html);
        fields.Remove("Input.Numbers");
        fields["Input.Token"] = ContactScenario.Token(preview.Html);
        var confirmed = await client.PostFormAsync("/console/send?handler=Confirm", fields, formPath: "/console/send");
        var match = Regex.Match(confirmed.Location ?? "", @"^/console/tasks/detail\?id=(\d+)$");
        Assert.True(match.Success, $"{confirmed.Status} {confirmed.Location} {confirmed.Html[..Math.Min(2000, confirmed.Html.Length)]}");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<Dictionary<string, string?>> RecordsAsync(QunfaApp app, long taskId) =>
        app.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == taskId).ToDictionaryAsync(r => r.Phone, r => r.Variables));

    private static string? OrderOf(string? variables) => variables is null ? null : JsonNode.Parse(variables)!["order"]?.GetValue<string>();

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Send_ToTwoGroupsAndTypedNumbers_SendsEachNumberOnce_WithEachContactsOwnValues(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 100);
        var north = await ContactScenario.ImportAsync(s.Client, "手机号,order\n13912340011,N-11\n13912340012,N-12\n", "华北");
        var south = await ContactScenario.ImportAsync(s.Client, "手机号,order\n13912340012,S-12\n13912340013,S-13\n", "华南");
        var fields = Form(s.TemplateId, "13912340011\n13955556666", north, south);
        fields["Input.Variables[order]"] = "通用";

        var preview = await PreviewAsync(s.Client, fields);

        Assert.Equal("4", TestId(preview, "valid-count"));
        Assert.Equal("1", TestId(preview, "duplicate-count"));
        Assert.Equal("4", TestId(preview, "billed"));

        var taskId = await SendAsync(s.Client, fields);

        var records = await RecordsAsync(s.App, taskId);
        Assert.Equal(["13912340011", "13912340012", "13912340013", "13955556666"], records.Keys.Order());
        // A typed number is read first: its row, with the form's value, wins over the same number in a group.
        Assert.Equal("通用", OrderOf(records["13912340011"]));
        Assert.Equal("通用", OrderOf(records["13955556666"]));
        // 13912340012 is one contact (the second import merged its order) in both groups.
        Assert.Equal("S-12", OrderOf(records["13912340012"]));
        Assert.Equal("S-13", OrderOf(records["13912340013"]));
        Assert.Equal(4, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync()));

        await SendingScenario.WaitForCompletionAsync(s.App, taskId);
        Assert.Contains(CustomerScenario.Sandbox(s.App).MessagesTo("13912340013"), m => m.Content.Contains("您的订单S-13已发货", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Preview_AContactWithoutTheTemplatesField_IsReportedLikeAMissingColumn(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 100);
        var group = await ContactScenario.ImportAsync(s.Client, "手机号,姓名,order\n13912340011,张三,A1\n13912340012,李四,\n", "会员");

        var preview = await PreviewAsync(s.Client, Form(s.TemplateId, null, group));

        Assert.Equal("1", TestId(preview, "valid-count"));
        Assert.Equal("1", TestId(preview, "invalid-count"));
        Assert.Contains("缺少变量order的值", preview.Html);
        Assert.Contains("13912340012", preview.Html);
        Assert.Equal("【群发沙箱】您的订单A1已发货", TestId(preview, "preview-content"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Send_PromotionToAGroup_LeavesTheOptedOutContactOut(DatabaseKind db)
    {
        await using var s = await InboundScenario.StartAsync(db);
        var added = await s.Client.PostFormAsync("/console/opt-outs?handler=Add", new Dictionary<string, string> { ["Input.Phone"] = "13912345678" }, formPath: "/console/opt-outs");
        Assert.True(added.IsRedirectTo("/console/opt-outs"), $"{added.Status} {added.Location}");
        var group = await ContactScenario.ImportAsync(s.Client, "手机号\n13912345678\n13933334444\n", "会员");

        var preview = await PreviewAsync(s.Client, Form(s.PromotionTemplateId, null, group));
        Assert.Equal("1", TestId(preview, "valid-count"));
        Assert.Contains("13912345678", TestId(preview, "opted-out-numbers"));

        var taskId = await SendAsync(s.Client, Form(s.PromotionTemplateId, null, group));
        Assert.Equal(["13933334444"], (await RecordsAsync(s.App, taskId)).Keys);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Api_GroupIds_SendsTheGroupWithItsValues_AndRefusesAnotherCustomersGroupWithoutSending(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 100);
        var own = await ContactScenario.ImportAsync(s.Client, "手机号,order\n13912340011,G-11\n13912340012,G-12\n", "会员");
        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13800000001", "other@example.com", "另一家企业");
        var foreign = await ContactScenario.ImportAsync(other, "手机号,order\n13977778888,X\n", "别人的分组");
        ApiTestSigner api;
        await using (var scope = s.App.Services.CreateAsyncScope())
        {
            var (issued, outcome) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(s.CustomerId, "营销系统", Ct);
            Assert.True(outcome.Succeeded);
            api = new ApiTestSigner(s.Client.Http, issued!.Key.AccessKeyId, issued.Secret);
        }
        string Body(params int[] groupIds) => JsonSerializer.Serialize(new
        {
            signName = SandboxAccount.SignName, templateCode = SendingScenario.TemplateCode, phoneNumbers = new[] { "13912340011", "13955556666" },
            templateParam = new { order = "API" }, groupIds,
        });

        foreach (var refused in new[] { Body(own, foreign), Body(own, 999_999) })
        {
            using var response = await api.PostAsync("/api/v1/sms/send", refused);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("GroupNotFound", (string?)problem["code"]);
            Assert.Contains("分组不存在或不属于您", (string?)problem["detail"]);
        }
        Assert.False(await s.App.WithDbAsync(d => d.SendTasks.AnyAsync()));

        using var accepted = await api.PostAsync("/api/v1/sms/send", Body(own));
        var json = JsonNode.Parse(await accepted.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(3, (int)json["recipients"]!);
        Assert.Equal(1, (int)json["duplicateCount"]!);
        var records = await RecordsAsync(s.App, (long)json["taskId"]!);
        Assert.Equal("API", OrderOf(records["13912340011"]));
        Assert.Equal("API", OrderOf(records["13955556666"]));
        Assert.Equal("G-12", OrderOf(records["13912340012"]));
    }
}
