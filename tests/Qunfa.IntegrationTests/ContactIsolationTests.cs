using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>A customer sees, exports, imports into, deletes and sends to only its own groups and contacts: every route is tried with the other customer's ids.</summary>
public sealed class ContactIsolationTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryContactsRoute_WithAnotherCustomersIds_FindsNothing_AndChangesNothing(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 100);
        var ownGroup = await ContactScenario.ImportAsync(s.Client, "手机号,order\n13912340011,A\n", "自己的分组");
        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13800000001", "other@example.com", "另一家企业");
        var foreignGroup = await ContactScenario.ImportAsync(other, "手机号,order\n13977778888,机密\n", "别人的分组");
        var foreignContact = await s.App.WithDbAsync(d => d.Contacts.Where(c => c.Phone == "13977778888").Select(c => c.Id).SingleAsync());
        var foreignPreview = await ContactScenario.PreviewImportAsync(other, "手机号\n12345\n13966667777\n", "别人的第二个分组");
        var foreignToken = ContactScenario.Token(foreignPreview.Html);

        using (var anonymous = s.App.CreatePageClient())
            Assert.Contains("/account/login", (await anonymous.GetAsync($"/console/contacts/group?id={foreignGroup}")).Location);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/console/contacts/group?id={foreignGroup}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/console/contacts/group?handler=Export&id={foreignGroup}&format=csv")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync($"/console/contacts/import?handler=Invalid&token={foreignToken}")).Status);
        var index = await s.Client.GetAsync("/console/contacts?q=13977778888");
        Assert.DoesNotContain("别人的分组", index.Html);
        Assert.DoesNotContain("data-testid=\"contact-phone\"", index.Html);
        Assert.DoesNotContain("机密", index.Html);
        Assert.DoesNotContain("别人的分组", (await s.Client.GetAsync("/console/send")).Html);
        Assert.DoesNotContain("别人的分组", (await s.Client.GetAsync("/console/contacts/import")).Html);

        foreach (var confirmed in new[] { "false", "true" })
        {
            var fields = new Dictionary<string, string> { ["confirmed"] = confirmed };
            Assert.Equal(HttpStatusCode.NotFound, (await s.Client.PostFormAsync($"/console/contacts?handler=Delete&id={foreignGroup}", fields, formPath: "/console/contacts")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await s.Client.PostFormAsync($"/console/contacts/group?handler=Delete&id={foreignGroup}",
                new Dictionary<string, string>(fields) { ["ids"] = foreignContact.ToString() }, formPath: "/console/contacts")).Status);
        }
        // Another customer's contact id posted on one's own group: nothing of it is counted or deleted.
        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.PostFormAsync($"/console/contacts/group?handler=Delete&id={ownGroup}",
            new Dictionary<string, string> { ["ids"] = foreignContact.ToString() }, formPath: "/console/contacts")).Status);
        var deleted = await s.Client.PostFormAsync($"/console/contacts/group?handler=Delete&id={ownGroup}",
            new Dictionary<string, string> { ["ids"] = foreignContact.ToString(), ["confirmed"] = "true" }, formPath: "/console/contacts");
        Assert.True(deleted.IsRedirectTo($"/console/contacts/group?id={ownGroup}"), $"{deleted.Status} {deleted.Location}");

        var intoForeign = await ContactScenario.PreviewImportAsync(s.Client, "手机号\n13955550000\n", groupId: foreignGroup);
        Assert.Contains("分组不存在", intoForeign.Html);
        var confirmIntoForeign = await s.Client.PostFormAsync("/console/contacts/import?handler=Confirm",
            new Dictionary<string, string> { ["Input.GroupId"] = foreignGroup.ToString(), ["Input.Token"] = foreignToken }, formPath: "/console/contacts/import");
        Assert.Contains("分组不存在", confirmIntoForeign.Html);
        var confirmForeignToken = await s.Client.PostFormAsync("/console/contacts/import?handler=Confirm",
            new Dictionary<string, string> { ["Input.GroupId"] = ownGroup.ToString(), ["Input.Token"] = foreignToken }, formPath: "/console/contacts/import");
        Assert.Contains("预览已过期", confirmForeignToken.Html);

        var send = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = s.TemplateId.ToString(),
            ["Input.Variables[order]"] = "X",
            ["Input.Numbers"] = "13912340011",
            ["Input.GroupIds[0]"] = foreignGroup.ToString(),
        };
        var preview = await s.Client.PostMultipartAsync("/console/send?handler=Preview", send, "Input.File", null, "", "text/plain", formPath: "/console/send");
        Assert.Contains("分组不存在或不属于您", preview.Html);
        Assert.DoesNotContain("确认发送", preview.Html);
        send.Remove("Input.Numbers");
        send["Input.Token"] = ContactScenario.Token((await s.Client.PostMultipartAsync("/console/send?handler=Preview",
            new Dictionary<string, string>(send) { ["Input.Numbers"] = "13912340011", ["Input.GroupIds[0]"] = ownGroup.ToString() }, "Input.File", null, "", "text/plain", formPath: "/console/send")).Html);
        var confirm = await s.Client.PostFormAsync("/console/send?handler=Confirm", send, formPath: "/console/send");
        Assert.Contains("分组不存在或不属于您", confirm.Html);

        Assert.False(await s.App.WithDbAsync(d => d.SendTasks.AnyAsync()));
        Assert.Equal(["13977778888"], await s.App.WithDbAsync(d => d.Contacts.Where(c => c.Id == foreignContact || d.ContactGroupMembers.Any(m => m.GroupId == foreignGroup && m.ContactId == c.Id)).Select(c => c.Phone).ToListAsync()));
        Assert.Equal(2, await s.App.WithDbAsync(d => d.ContactGroups.CountAsync()));
        Assert.Equal(2, await s.App.WithDbAsync(d => d.Contacts.CountAsync()));
    }
}
