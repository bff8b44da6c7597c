using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Qunfa.Web.Features.Contacts;

namespace Qunfa.IntegrationTests;

/// <summary>通讯录: the import's counts and preview, merging or replacing fields, export with neutralised cells, and deleting only after confirming.</summary>
public sealed class ContactImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string TestId(PageResponse page, string id)
    {
        var match = Regex.Match(page.Html, $"data-testid=\"{id}\">(.*?)</(dd|span|p|strong|td)>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No {id} on the page");
        return Regex.Replace(match.Groups[1].Value, "<[^>]+>", " ").Trim();
    }

    private static Task<Dictionary<string, string>?> FieldsOfAsync(QunfaApp app, string phone) =>
        app.WithDbAsync(async d => ContactFields.Parse(await d.Contacts.Where(c => c.Phone == phone).Select(c => c.Fields).SingleAsync()));

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_PreviewCountsInvalidAndDuplicateRows_AndSavesNothingUntilConfirmed(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        const string csv = "手机号,姓名,level\r\n13912345678,张三,金卡\r\n139 1234 5678,重复,\r\n12345,坏号码,\r\n13987654321,李四,\r\n+852 9123 4567,港,\r\n";

        var preview = await ContactScenario.PreviewImportAsync(s.Client, csv, "会员");

        Assert.Equal("3", TestId(preview, "valid-count"));
        Assert.Equal("1", TestId(preview, "invalid-count"));
        Assert.Equal("1", TestId(preview, "duplicate-count"));
        Assert.Equal("姓名、level", TestId(preview, "field-names"));
        Assert.Contains("号码格式不正确", preview.Html);
        Assert.Equal(0, await s.App.WithDbAsync(d => d.Contacts.CountAsync()));
        Assert.Equal(0, await s.App.WithDbAsync(d => d.ContactGroups.CountAsync()));

        var groupId = await ContactScenario.ImportAsync(s.Client, csv, "会员");

        var contacts = await s.App.WithDbAsync(d => d.Contacts.OrderBy(c => c.Phone).Select(c => new { c.Phone, c.Name }).ToListAsync());
        Assert.Equal(["13912345678", "13987654321", "85291234567"], contacts.Select(c => c.Phone));
        Assert.Equal(["张三", "李四", "港"], contacts.Select(c => c.Name));
        Assert.Equal(3, await s.App.WithDbAsync(d => d.ContactGroupMembers.CountAsync(m => m.GroupId == groupId)));
        var zhang = await FieldsOfAsync(s.App, "13912345678");
        Assert.Equal("金卡", zhang!["level"]);
        Assert.Equal("张三", zhang["姓名"]);

        var list = await s.Client.GetAsync("/console/contacts");
        Assert.Equal("会员", TestId(list, "group-name"));
        Assert.Equal("3", TestId(list, "group-count"));
        var found = await s.Client.GetAsync("/console/contacts/group?id=" + groupId + "&q=" + Uri.EscapeDataString("李"));
        Assert.Equal("13987654321", TestId(found, "contact-phone"));
        Assert.DoesNotContain("13912345678", found.Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_NumbersAlreadyInTheBook_MergeKeepsTheirOtherFields_ReplaceKeepsOnlyTheFilesFields(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        var first = await ContactScenario.ImportAsync(s.Client, "手机号,name,level\n13912345678,张三,金卡\n13987654321,李四,银卡\n", "会员");

        var second = await ContactScenario.ImportAsync(s.Client, "手机号,level,city\n13912345678,钻石,北京\n", "华北", mode: "Merge");

        Assert.Equal(2, await s.App.WithDbAsync(d => d.Contacts.CountAsync()));
        var merged = await FieldsOfAsync(s.App, "13912345678");
        Assert.Equal("张三", merged!["name"]);
        Assert.Equal("钻石", merged["level"]);
        Assert.Equal("北京", merged["city"]);
        Assert.Equal("张三", await s.App.WithDbAsync(d => d.Contacts.Where(c => c.Phone == "13912345678").Select(c => c.Name).SingleAsync()));
        // One contact, in both groups.
        Assert.Equal(2, await s.App.WithDbAsync(d => d.ContactGroupMembers.CountAsync(m => m.ContactId == d.Contacts.Single(c => c.Phone == "13912345678").Id)));
        Assert.NotEqual(first, second);

        await ContactScenario.ImportAsync(s.Client, "手机号,city\n13912345678,上海\n", groupId: second, mode: "Replace");

        var replaced = await FieldsOfAsync(s.App, "13912345678");
        Assert.Equal(new Dictionary<string, string> { ["city"] = "上海" }, replaced);
        Assert.Null(await s.App.WithDbAsync(d => d.Contacts.Where(c => c.Phone == "13912345678").Select(c => c.Name).SingleAsync()));
        Assert.Equal("银卡", (await FieldsOfAsync(s.App, "13987654321"))!["level"]);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_BadInput_IsRefusedWithAMessage_AndChangesNothing(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        await ContactScenario.ImportAsync(s.Client, "手机号\n13912345678\n", "会员");

        var taken = await ContactScenario.PreviewImportAsync(s.Client, "手机号\n13987654321\n", "会员");
        var unnamed = await ContactScenario.PreviewImportAsync(s.Client, "手机号\n13987654321\n", "");
        var allInvalid = await ContactScenario.PreviewImportAsync(s.Client, "手机号\n12345\n", "新分组");

        Assert.Contains("已有同名分组", taken.Html);
        Assert.Contains("请填写分组名称", unnamed.Html);
        Assert.Contains("所有号码均无效", allInvalid.Html);
        Assert.DoesNotContain("确认导入", allInvalid.Html);
        Assert.Equal(1, await s.App.WithDbAsync(d => d.Contacts.CountAsync()));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.ContactGroups.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Export_GroupAsCsvAndXlsx_NeutralisesFormulaCells(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        var groupId = await ContactScenario.ImportAsync(s.Client, "手机号,name,note\n13912345678,=1+2,@SUM(A1)\n13987654321,李四,-3\n", "会员");

        using var csvResponse = await s.Client.Http.GetAsync($"/console/contacts/group?handler=Export&id={groupId}&format=csv", Ct);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Contains("手机号", csv);
        Assert.Contains("'=1+2", csv);
        Assert.Contains("'@SUM(A1)", csv);
        Assert.Contains("'-3", csv);
        Assert.DoesNotContain(",=1+2", csv);

        using var xlsxResponse = await s.Client.Http.GetAsync($"/console/contacts/group?handler=Export&id={groupId}&format=xlsx", Ct);
        await using var xlsx = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync(Ct));
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("13912345678", rows[0]["手机号"]?.ToString());
        Assert.Equal("'=1+2", rows[0]["name"]);
        Assert.Equal("'@SUM(A1)", rows[0]["note"]);
        Assert.Equal("李四", rows[1]["name"]);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeleteGroup_AsksFirst_AndDeletesOnlyWhenConfirmed_KeepingItsContacts(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        var groupId = await ContactScenario.ImportAsync(s.Client, "手机号\n13912345678\n13987654321\n", "会员");

        var asked = await s.Client.PostFormAsync($"/console/contacts?handler=Delete&id={groupId}", new Dictionary<string, string>(), formPath: "/console/contacts");

        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("确定删除分组“会员”吗？分组中的 2 个联系人", asked.Html);
        Assert.Equal(1, await s.App.WithDbAsync(d => d.ContactGroups.CountAsync()));

        var deleted = await s.Client.PostFormAsync($"/console/contacts?handler=Delete&id={groupId}", new Dictionary<string, string> { ["confirmed"] = "true" }, formPath: "/console/contacts");

        Assert.True(deleted.IsRedirectTo("/console/contacts"), $"{deleted.Status} {deleted.Location}");
        Assert.Equal(0, await s.App.WithDbAsync(d => d.ContactGroups.CountAsync()));
        Assert.Equal(0, await s.App.WithDbAsync(d => d.ContactGroupMembers.CountAsync()));
        Assert.Equal(2, await s.App.WithDbAsync(d => d.Contacts.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeleteContacts_AsksFirst_AndDeletesOnlyWhenConfirmed_FromEveryGroup(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        var groupId = await ContactScenario.ImportAsync(s.Client, "手机号\n13912345678\n13987654321\n", "会员");
        await ContactScenario.ImportAsync(s.Client, "手机号\n13912345678\n", "华北");
        var id = await s.App.WithDbAsync(d => d.Contacts.Where(c => c.Phone == "13912345678").Select(c => c.Id).SingleAsync());
        var path = $"/console/contacts/group?handler=Delete&id={groupId}";
        var formPath = $"/console/contacts/group?id={groupId}";

        var asked = await s.Client.PostFormAsync(path, new Dictionary<string, string> { ["ids"] = id.ToString() }, formPath);

        Assert.Contains("确定删除选中的 1 个联系人吗？", asked.Html);
        Assert.Equal(2, await s.App.WithDbAsync(d => d.Contacts.CountAsync()));

        var deleted = await s.Client.PostFormAsync(path, new Dictionary<string, string> { ["ids"] = id.ToString(), ["confirmed"] = "true" }, formPath);

        Assert.True(deleted.IsRedirectTo(formPath), $"{deleted.Status} {deleted.Location}");
        Assert.Equal(["13987654321"], await s.App.WithDbAsync(d => d.Contacts.Select(c => c.Phone).ToListAsync()));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.ContactGroupMembers.CountAsync()));
    }
}
