using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminTeam;

namespace Qunfa.IntegrationTests;

/// <summary>管理员管理 (issue 17, operator side): initial passwords, the last 超级管理员, and what a change does to open sessions.</summary>
public sealed class AdminTeamTests
{
    private const string FinanceEmail = "caiwu@example.com";
    private const string FinancePhone = "13600136001";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AddedAdmin_MustChangeTheInitialPassword_BeforeAnyPageOrChange(DatabaseKind db)
    {
        var (app, owner) = await PackageTests.AdminAsync(db);
        await using var _ = app;
        using var __ = owner;
        await AdminTeamScenario.AddAsync(owner, FinanceEmail, FinancePhone, "Finance");
        using var finance = app.CreatePageClient();

        Assert.True((await AdminTeamScenario.LoginAsync(finance, FinanceEmail, AdminTeamScenario.InitialPassword)).IsRedirectTo("/admin"));
        Assert.True((await finance.GetAsync("/admin")).IsRedirectTo("/admin/password"));
        Assert.True((await finance.GetAsync("/admin/orders")).IsRedirectTo("/admin/password"));
        var token = await finance.TokenAsync("/admin/password");
        Assert.True((await finance.PostWithoutTokenAsync("/admin/orders/purge", new Dictionary<string, string>(), token)).IsRedirectTo("/admin/password"));
        var form = await finance.GetAsync("/admin/password");
        Assert.Contains("您正在使用初始密码", form.Html);
        Assert.DoesNotContain("href=\"/admin/orders\"", form.Html);

        var wrong = await finance.PostFormAsync("/admin/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Wr0ng!pw",
            ["Input.Password"] = AdminTeamScenario.ChosenPassword,
            ["Input.ConfirmPassword"] = AdminTeamScenario.ChosenPassword,
        });
        Assert.Contains("当前密码不正确", wrong.Html);
        Assert.True(await app.WithDbAsync(d => d.AdminUsers.Where(a => a.Email == FinanceEmail).Select(a => a.MustChangePassword).SingleAsync()));

        Assert.True((await finance.PostFormAsync("/admin/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = AdminTeamScenario.InitialPassword,
            ["Input.Password"] = AdminTeamScenario.ChosenPassword,
            ["Input.ConfirmPassword"] = AdminTeamScenario.ChosenPassword,
        })).IsRedirectTo("/admin"));
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync("/admin/orders")).Status);

        // 重置密码 gives a new initial password, ends the session, and the change is asked for again.
        var id = await app.WithDbAsync(d => d.AdminUsers.Where(a => a.Email == FinanceEmail).Select(a => a.Id).SingleAsync());
        var reset = new Dictionary<string, string> { ["Input.Password"] = "Res3t!pw", ["Input.ConfirmPassword"] = "Res3t!pw" };
        Assert.True((await owner.PostFormAsync($"/admin/team/reset?id={id}", reset)).IsRedirectTo("/admin/team"));
        Assert.Contains("/admin/login", (await finance.GetAsync("/admin/orders")).Location);
        Assert.True((await AdminTeamScenario.LoginAsync(finance, FinanceEmail, "Res3t!pw")).IsRedirectTo("/admin"));
        Assert.True((await finance.GetAsync("/admin/orders")).IsRedirectTo("/admin/password"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LastSuperAdmin_CannotBeDemotedDisabledOrRemoved(DatabaseKind db)
    {
        var (app, owner) = await PackageTests.AdminAsync(db);
        await using var _ = app;
        using var __ = owner;
        var id = await app.WithDbAsync(d => d.AdminUsers.Select(a => a.Id).SingleAsync());
        var before = await AdminPostAuthorizationTests.FingerprintAsync(app);

        var demote = await owner.PostFormAsync($"/admin/team/edit?id={id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "张三",
            ["Input.Email"] = SetupScenario.AdminEmail,
            ["Input.Phone"] = SetupScenario.AdminPhone,
            ["Input.Role"] = "Finance",
        });
        var disable = await owner.PostFormAsync($"/admin/team/status?id={id}&handler=Disable", new Dictionary<string, string>(), formPath: $"/admin/team/status?id={id}");
        var remove = await owner.PostFormAsync($"/admin/team/remove?id={id}", new Dictionary<string, string>());

        foreach (var refused in new[] { demote, disable, remove })
        {
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(AdminTeamService.LastSuperAdminMessage, refused.Html);
        }
        var after = await app.WithDbAsync(d => d.AdminUsers.SingleAsync());
        Assert.Equal((AdminRoleKind.SuperAdmin, false), (after.Role, after.IsDisabled));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/admin/team")).Status);
        // Only the three refusals were logged (失败); nothing else changed.
        Assert.Equal(3, await app.WithDbAsync(d => d.AdminLog.CountAsync(e => !e.Succeeded
            && (e.Action == AdminAction.EditAdmin || e.Action == AdminAction.DisableAdmin || e.Action == AdminAction.RemoveAdmin))));
        await app.WithDbAsync(d => d.AdminLog.Where(e => !e.Succeeded).ExecuteDeleteAsync());
        Assert.Equal(before, await AdminPostAuthorizationTests.FingerprintAsync(app));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SimultaneousDemotions_OfEverySuperAdmin_LeaveOne(DatabaseKind db)
    {
        var (app, owner) = await PackageTests.AdminAsync(db);
        await using var _ = app;
        using var __ = owner;
        for (var i = 1; i <= 5; i++)
            await AdminTeamScenario.AddAsync(owner, $"super{i}@example.com", $"1360013600{i}", "SuperAdmin", $"超管{i}");
        var supers = await app.WithDbAsync(d => d.AdminUsers.Select(a => new { a.Id, a.Name, a.Email, a.Phone }).ToListAsync());
        Assert.Equal(6, supers.Count);

        // Each demotion in a request scope of its own, all at once, as six 超级管理员 pressing 保存 together.
        using var start = new SemaphoreSlim(0);
        var demotions = supers.Select(s => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var team = scope.ServiceProvider.GetRequiredService<AdminTeamService>();
            await start.WaitAsync();
            return await team.EditAsync(s.Id, new AdminInput { Name = s.Name, Email = s.Email, Phone = s.Phone, Role = "Finance" }, CancellationToken.None);
        })).ToList();
        start.Release(supers.Count);
        var outcomes = await Task.WhenAll(demotions);

        Assert.Equal(1, await app.WithDbAsync(d => d.AdminUsers.CountAsync(a => a.Role == AdminRoleKind.SuperAdmin && !a.IsDisabled)));
        Assert.Equal(5, outcomes.Count(o => o.Succeeded));
        Assert.Contains(outcomes, o => o.Errors.Values.Any(m => m.Contains(AdminTeamService.LastSuperAdminMessage)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChangedCustomRole_HoldsAtTheAdminsNextRequest(DatabaseKind db)
    {
        var (app, owner) = await PackageTests.AdminAsync(db);
        await using var _ = app;
        using var __ = owner;
        using var member = await AdminPermissionTests.AdminWithRoleAsync(app, owner, "对账", [AdminPermission.Home, AdminPermission.Orders], FinanceEmail, FinancePhone);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/admin/orders")).Status);
        var roleId = await app.WithDbAsync(d => d.AdminRoles.Select(r => r.Id).SingleAsync());

        var edited = await owner.PostFormAsync($"/admin/roles/edit?id={roleId}", new Dictionary<string, string> { ["Input.Name"] = "对账", ["Input.Permissions[0]"] = "Finance" });
        Assert.True(edited.IsRedirectTo("/admin/roles"));

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/admin/orders")).Status);
        var finance = await member.GetAsync("/admin/finance");
        Assert.Equal(HttpStatusCode.OK, finance.Status);
        Assert.DoesNotContain("href=\"/admin/orders\"", finance.Html);

        // 管理员管理 cannot be given to a custom role; the refused form changes nothing.
        var grab = await owner.PostFormAsync($"/admin/roles/edit?id={roleId}", new Dictionary<string, string> { ["Input.Name"] = "对账", ["Input.Permissions[0]"] = "ManageAdmins" });
        Assert.Equal(HttpStatusCode.OK, grab.Status);
        Assert.Contains("输入的值无效", grab.Html);
        Assert.Equal("Finance", await app.WithDbAsync(d => d.AdminRoles.Select(r => r.Permissions).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/admin/team")).Status);

        // A role an admin holds cannot be deleted.
        var delete = await owner.PostFormAsync($"/admin/roles/delete?id={roleId}", new Dictionary<string, string>());
        Assert.Contains(AdminRoleService.InUseMessage, delete.Html);
        Assert.True(await app.WithDbAsync(d => d.AdminRoles.AnyAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdminLog_NamesTheOperator_AndFiltersByOperator(DatabaseKind db)
    {
        var (app, owner) = await PackageTests.AdminAsync(db);
        await using var _ = app;
        using var __ = owner;
        await AdminTeamScenario.AddAsync(owner, FinanceEmail, FinancePhone, "Finance", "王财务");
        using var finance = app.CreatePageClient();
        await AdminTeamScenario.FirstLoginAsync(finance, FinanceEmail);
        var ownerId = await app.WithDbAsync(d => d.AdminUsers.Where(a => a.Email == SetupScenario.AdminEmail).Select(a => a.Id).SingleAsync());
        var financeId = await app.WithDbAsync(d => d.AdminUsers.Where(a => a.Email == FinanceEmail).Select(a => a.Id).SingleAsync());

        var all = await owner.GetAsync("/admin/log");
        Assert.Contains("添加管理员", all.Html);
        Assert.Contains("修改登录密码", all.Html);
        Assert.Contains("王财务", all.Html);

        var ownersOnly = await owner.GetAsync($"/admin/log?operator={ownerId}");
        Assert.Contains("添加管理员", ownersOnly.Html);
        Assert.DoesNotContain("修改登录密码", ownersOnly.Html);
        var financeOnly = await owner.GetAsync($"/admin/log?operator={financeId}");
        Assert.Contains("修改登录密码", financeOnly.Html);
        Assert.DoesNotContain("添加管理员", financeOnly.Html[financeOnly.Html.IndexOf("<tbody>", StringComparison.Ordinal)..]);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DisabledAdmin_CannotLogIn_UntilEnabled(DatabaseKind db)
    {
        var (app, owner) = await PackageTests.AdminAsync(db);
        await using var _ = app;
        using var __ = owner;
        await AdminTeamScenario.AddAsync(owner, FinanceEmail, FinancePhone, "Finance");
        using var finance = app.CreatePageClient();
        await AdminTeamScenario.FirstLoginAsync(finance, FinanceEmail);
        var id = await app.WithDbAsync(d => d.AdminUsers.Where(a => a.Email == FinanceEmail).Select(a => a.Id).SingleAsync());

        Assert.True((await owner.PostFormAsync($"/admin/team/status?id={id}&handler=Disable", new Dictionary<string, string>(), formPath: $"/admin/team/status?id={id}")).IsRedirectTo("/admin/team"));

        Assert.Contains("/admin/login", (await finance.GetAsync("/admin/orders")).Location);
        var refused = await AdminTeamScenario.LoginAsync(finance, FinanceEmail, AdminTeamScenario.ChosenPassword);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("该管理员账号已停用", refused.Html);

        Assert.True((await owner.PostFormAsync($"/admin/team/status?id={id}&handler=Enable", new Dictionary<string, string>(), formPath: $"/admin/team/status?id={id}")).IsRedirectTo("/admin/team"));
        Assert.True((await AdminTeamScenario.LoginAsync(finance, FinanceEmail, AdminTeamScenario.ChosenPassword)).IsRedirectTo("/admin"));
    }

    [Fact]
    public async Task DemotedOrDisabledAdmin_SessionOnAnotherNode_EndsAtTheNextRequest()
    {
        await using var carrier = await Qunfa.Emulators.EmulatorHost.StartAsync(ct: TestContext.Current.CancellationToken);
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var a = QunfaApp.StartOn(database, carrier);
        await using var b = QunfaApp.StartOn(database, carrier);
        using var owner = a.CreatePageClient();
        await SetupScenario.CompleteAsync(owner);
        await SetupScenario.LoginAsync(owner);
        await AdminTeamScenario.AddAsync(owner, FinanceEmail, FinancePhone, "SuperAdmin", "赵超管");
        using var onB = b.CreatePageClient();
        await AdminTeamScenario.FirstLoginAsync(onB, FinanceEmail);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/admin/customers")).Status);
        var id = await a.WithDbAsync(d => d.AdminUsers.Where(x => x.Email == FinanceEmail).Select(x => x.Id).SingleAsync());

        var demote = new Dictionary<string, string> { ["Input.Name"] = "赵超管", ["Input.Email"] = FinanceEmail, ["Input.Phone"] = FinancePhone, ["Input.Role"] = "Finance" };
        Assert.True((await owner.PostFormAsync($"/admin/team/edit?id={id}", demote)).IsRedirectTo("/admin/team"));

        Assert.Contains("/admin/login", (await onB.GetAsync("/admin/customers")).Location);
        Assert.True((await AdminTeamScenario.LoginAsync(onB, FinanceEmail, AdminTeamScenario.ChosenPassword)).IsRedirectTo("/admin"));
        Assert.Equal(HttpStatusCode.Forbidden, (await onB.GetAsync("/admin/customers")).Status);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/admin/orders")).Status);

        Assert.True((await owner.PostFormAsync($"/admin/team/status?id={id}&handler=Disable", new Dictionary<string, string>(), formPath: $"/admin/team/status?id={id}")).IsRedirectTo("/admin/team"));

        Assert.Contains("/admin/login", (await onB.GetAsync("/admin/orders")).Location);
    }
}
