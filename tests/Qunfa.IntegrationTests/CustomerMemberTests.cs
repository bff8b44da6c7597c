using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.IntegrationTests.AlibabaCompat;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Members;

namespace Qunfa.IntegrationTests;

/// <summary>子账号: keys and sessions that end with the membership or the company's freeze, roles checked on every console route, isolation between companies.</summary>
public sealed class CustomerMemberTests
{
    private const string OwnerPhone = "13800000000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string ApiSendJson() => JsonSerializer.Serialize(new
    {
        signName = "群发沙箱",
        templateCode = CompatScenario.TemplateCode,
        phoneNumbers = new[] { "13900000011" },
        templateParam = new { order = "A1001" },
    });

    private static async Task<ApiKeyService.Issued> MemberKeyAsync(QunfaApp app, int customerId, int memberId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (issued, outcome) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(customerId, "成员程序", Ct, memberId);
        Assert.True(outcome.Succeeded);
        return issued!;
    }

    /// <summary>Both APIs with the member's key: (HTTP API status, Alibaba-compatible Code).</summary>
    private static async Task<(HttpStatusCode Api, string Compat)> SendWithAsync(CompatScenario s, ApiKeyService.Issued key)
    {
        using var api = await new ApiTestSigner(s.Http, key.Key.AccessKeyId, key.Secret).PostAsync("/api/v1/sms/send", ApiSendJson());
        var (_, body) = await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms("13900000012"), keyId: key.Key.AccessKeyId, secret: key.Secret));
        return (api.StatusCode, body.GetProperty("Code").GetString()!);
    }

    /// <summary>The owner's client, a 开发 member's client and a key that member made, which sends on both APIs.</summary>
    private static async Task<(CompatScenario S, PageClient Owner, PageClient Member, int MemberId, ApiKeyService.Issued Key)> DeveloperWithKeyAsync(DatabaseKind db)
    {
        var s = await CompatScenario.StartAsync(db, balance: 20);
        var owner = await MemberScenario.LoginAsync(s.App, OwnerPhone, CustomerScenario.Password);
        var (member, memberId) = await MemberScenario.AddAsync(s.App, owner, "13700000001", "Developer", "开发小王");
        var key = await MemberKeyAsync(s.App, s.CustomerId, memberId);
        Assert.Equal((HttpStatusCode.Accepted, "OK"), await SendWithAsync(s, key));
        return (s, owner, member, memberId, key);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MemberKey_DisabledOrRemoved_RefusedAtOnceOnApiAndAlibabaSendSms(DatabaseKind db)
    {
        var (s, owner, member, memberId, key) = await DeveloperWithKeyAsync(db);
        await using var _ = s;
        using var __ = owner;
        using var ___ = member;

        Assert.True((await owner.PostFormAsync($"/console/members?handler=Disable&id={memberId}", new Dictionary<string, string>(), formPath: "/console/members")).IsRedirectTo("/console/members"));
        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidAccessKeyId.Inactive"), await SendWithAsync(s, key));
        // The session ended with the membership, on the next request.
        Assert.Contains("/account/login", (await member.GetAsync("/console")).Location);

        Assert.True((await owner.PostFormAsync($"/console/members?handler=Enable&id={memberId}", new Dictionary<string, string>(), formPath: "/console/members")).IsRedirectTo("/console/members"));
        Assert.Equal((HttpStatusCode.Accepted, "OK"), await SendWithAsync(s, key));

        Assert.True((await owner.PostFormAsync($"/console/members?handler=Remove&id={memberId}", new Dictionary<string, string>(), formPath: "/console/members")).IsRedirectTo("/console/members"));
        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidAccessKeyId.Inactive"), await SendWithAsync(s, key));
        // The owner's own key still works: only the member's died.
        Assert.Equal((HttpStatusCode.Accepted, "OK"), await SendWithAsync(s, new ApiKeyService.Issued(
            await s.App.WithDbAsync(d => d.ApiKeys.SingleAsync(k => k.MemberId == null)), s.Secret)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MemberSession_EndsAtOnce_WhenItsRoleChanges(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db);
        using var owner = await MemberScenario.LoginAsync(s.App, OwnerPhone, CustomerScenario.Password);
        var (member, memberId) = await MemberScenario.AddAsync(s.App, owner, "13700000001", "Sender", "发送小李");
        using var _ = member;
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/console/send")).Status);

        await owner.PostFormAsync($"/console/members?handler=Role&id={memberId}", new Dictionary<string, string> { ["role"] = "Finance" }, formPath: "/console/members");

        Assert.Contains("/account/login", (await member.GetAsync("/console")).Location);
        using var again = await MemberScenario.LoginAsync(s.App, "13700000001", MemberScenario.Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/console/send")).Status);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/console/orders")).Status);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Freeze_RefusesMembersSessionsAndKeys(DatabaseKind db)
    {
        var (s, owner, member, memberId, key) = await DeveloperWithKeyAsync(db);
        await using var _ = s;
        using var __ = owner;
        using var ___ = member;
        using var admin = s.App.CreatePageClient();
        await SetupScenario.LoginAsync(admin);

        var frozen = await admin.PostFormAsync($"/admin/customers/freeze?id={s.CustomerId}&handler=Freeze", new Dictionary<string, string>(), formPath: $"/admin/customers/freeze?id={s.CustomerId}");
        Assert.True(frozen.IsRedirectTo("/admin/customers"));

        Assert.Contains("/account/login", (await member.GetAsync("/console")).Location);
        Assert.Equal((HttpStatusCode.Unauthorized, "InvalidAccessKeyId.Inactive"), await SendWithAsync(s, key));
        var login = await member.PostFormAsync("/account/login", new Dictionary<string, string> { ["Account"] = "13700000001", ["Password"] = MemberScenario.Password });
        Assert.Contains(MemberAccountService.FrozenMessage, login.Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Invite_PhoneOfACustomerOrAMember_RefusedWithAMessage(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db);
        using var owner = await MemberScenario.LoginAsync(s.App, OwnerPhone, CustomerScenario.Password);
        var (member, _) = await MemberScenario.AddAsync(s.App, owner, "13700000001", "Sender", "发送小李");
        member.Dispose();

        Assert.Contains(PhoneOwners.TakenMessage, (await MemberScenario.InviteAsync(owner, OwnerPhone, "Sender")).Html);
        Assert.Contains(PhoneOwners.TakenMessage, (await MemberScenario.InviteAsync(owner, "13700000001", "Finance")).Html);
        Assert.Equal(1, await s.App.WithDbAsync(d => d.CustomerMembers.CountAsync()));
        Assert.Equal(MemberRole.Sender, await s.App.WithDbAsync(d => d.CustomerMembers.Select(m => m.Role).SingleAsync()));
    }

    /// <summary>
    /// Every console page the endpoint data source knows, GET and POST, for each role its permission does not open: the
    /// 403 page and not a byte changed. A new console page missing from ConsolePermissionMap fails here.
    /// </summary>
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryConsoleRoute_MemberRoleWithoutItsPermission_Gets403AndNothingChanges(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db);
        using var owner = await MemberScenario.LoginAsync(s.App, OwnerPhone, CustomerScenario.Password);
        var members = new Dictionary<MemberRole, PageClient>();
        var phone = 13700000001L;
        foreach (var role in new[] { MemberRole.Sender, MemberRole.Developer, MemberRole.Finance })
            members[role] = (await MemberScenario.AddAsync(s.App, owner, (phone++).ToString(System.Globalization.CultureInfo.InvariantCulture), role.ToString(), "成员" + role)).Client;

        var routes = s.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            // Alipay's return page is open without a session by design (its cookie does not travel back from Alipay).
            .Where(x => x.Page is { AreaName: "Console" } && x.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null)
            .Select(x => (Route: "/" + x.Endpoint.RoutePattern.RawText!.TrimStart('/'), x.Page!.ViewEnginePath))
            .Distinct().ToList();
        Assert.Contains(routes, r => r.Route.Equals("/console/api-keys", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(routes, r => r.Route.Equals("/console/members", StringComparison.OrdinalIgnoreCase));

        var before = await s.App.DumpAllTablesAsync();
        var checkedPairs = 0;
        foreach (var (route, path) in routes)
        {
            var permission = ConsolePermissionMap.For(path);
            Assert.True(permission is not null, $"{path} ({route}) has no entry in ConsolePermissionMap");
            foreach (var (role, client) in members)
            {
                if (role.Allows(permission!.Value)) continue;
                var got = await client.GetAsync(route);
                Assert.True(got.Status == HttpStatusCode.Forbidden, $"GET {route} as {role}: {(int)got.Status} {got.Location}");
                Assert.Contains("没有访问权限", got.Html);
                var token = await client.TokenAsync("/console/account");
                var posted = await client.PostWithoutTokenAsync(route, new Dictionary<string, string> { ["Input.Name"] = "x" }, token);
                Assert.True(posted.Status == HttpStatusCode.Forbidden, $"POST {route} as {role}: {(int)posted.Status} {posted.Location}");
                checkedPairs++;
            }
        }
        Assert.True(checkedPairs > 30, $"only {checkedPairs} refusals checked");
        Assert.Equal(before, await s.App.DumpAllTablesAsync());
        foreach (var client in members.Values) client.Dispose();
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MemberOfA_CannotSeeOrChangeCustomerBsTasksRecordsKeysOrMembers(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db, balance: 20);
        using var owner = await MemberScenario.LoginAsync(s.App, OwnerPhone, CustomerScenario.Password);
        var (member, _) = await MemberScenario.AddAsync(s.App, owner, "13700000001", "Admin", "管理小张");
        using var __ = member;

        // Customer B with a member, a key and a task of its own.
        using var b = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, b, "13800000009", "b@example.com", "乙公司");
        var bId = await s.App.WithDbAsync(d => d.Customers.Where(c => c.Email == "b@example.com").Select(c => c.Id).SingleAsync());
        var (bMember, bMemberId) = await MemberScenario.AddAsync(s.App, b, "13700000009", "Sender", "乙的成员");
        bMember.Dispose();
        var bKey = await CompatScenario.CreateKeyAsync(s.App, bId);
        var bTaskId = await s.App.WithDbAsync(async d =>
        {
            var task = new Qunfa.Web.Domain.Sending.SendTask
            {
                CustomerId = bId, MemberId = bMemberId, SignName = "乙签名", TemplateCode = "SMS_B", TemplateName = "乙模板", TemplateContent = "乙的秘密内容",
                NumberCount = 1, Status = Qunfa.Web.Domain.Sending.SendTaskStatus.Completed, CreatedAt = DateTimeOffset.UtcNow,
            };
            d.SendTasks.Add(task);
            await d.SaveChangesAsync();
            var grant = new Qunfa.Web.Domain.Packages.PackageGrant
            {
                CustomerId = bId, Category = Qunfa.Web.Domain.Packages.SmsCategory.Notification, Size = 5, Status = Qunfa.Web.Domain.Packages.GrantStatus.Active,
                Source = Qunfa.Web.Domain.Packages.GrantSource.Allocated, ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            d.PackageGrants.Add(grant);
            await d.SaveChangesAsync();
            d.SendRecords.Add(new Qunfa.Web.Domain.Sending.SendRecord
            {
                TaskId = task.Id, CustomerId = bId, Phone = "13900009999", Segments = 1, GrantId = grant.Id,
                Status = Qunfa.Web.Domain.Sending.RecipientStatus.Delivered, ReportedAt = DateTimeOffset.UtcNow,
            });
            await d.SaveChangesAsync();
            return task.Id;
        });
        var bRecordId = await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == bTaskId).Select(r => r.Id).SingleAsync());
        var before = await s.App.DumpAllTablesAsync();

        foreach (var path in new[]
                 {
                     $"/console/tasks/detail?id={bTaskId}", $"/console/tasks/detail?id={bTaskId}&handler=Progress", $"/console/tasks/detail?id={bTaskId}&handler=Failed",
                     $"/console/records/detail?id={bRecordId}", "/console/tasks", "/console/records?q=13900009", "/console/api-keys", "/console/members", $"/console/send?resendTask={bTaskId}",
                 })
        {
            var page = await member.GetAsync(path);
            Assert.DoesNotContain("乙的秘密内容", page.Html);
            Assert.DoesNotContain("13900009999", page.Html);
            Assert.DoesNotContain(bKey.Key.AccessKeyId, page.Html);
            Assert.DoesNotContain("13700000009", page.Html);
        }
        var token = await member.TokenAsync("/console/members");
        foreach (var path in new[]
                 {
                     $"/console/api-keys?handler=Revoke&id={bKey.Key.Id}", $"/console/members?handler=Remove&id={bMemberId}",
                     $"/console/members?handler=Disable&id={bMemberId}", $"/console/members?handler=Role&id={bMemberId}",
                     $"/console/tasks/detail?id={bTaskId}&handler=Cancel",
                 })
        {
            var posted = await member.PostWithoutTokenAsync(path, new Dictionary<string, string> { ["role"] = "Admin" }, token);
            Assert.True(posted.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.OK, $"POST {path}: {(int)posted.Status}");
            Assert.DoesNotContain("乙的秘密内容", posted.Html);
        }
        Assert.Equal(before, await s.App.DumpAllTablesAsync());
    }
}
