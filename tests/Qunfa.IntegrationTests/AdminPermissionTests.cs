using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminTeam;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Every admin page and POST handler, found from the app's own endpoints, answers 403 to an admin whose role lacks the
/// page's permission, and changes nothing; a page no permission is mapped to fails here.
/// </summary>
public sealed class AdminPermissionTests
{
    // Two custom roles that split the permissions between them, so each page is refused to one of the two admins.
    private static readonly AdminPermission[] FirstHalf =
    [
        AdminPermission.Home, AdminPermission.BaseSettings, AdminPermission.PaymentSettings, AdminPermission.Signatures,
        AdminPermission.Packages, AdminPermission.Finance, AdminPermission.Statistics, AdminPermission.SandboxMessages,
    ];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryAdminRoute_RoleWithoutItsPermission_Gets403AndChangesNothing(DatabaseKind db)
    {
        var (app, owner) = await PackageTests.AdminAsync(db, sandbox: true);
        await using var _ = app;
        using var __ = owner;
        var secondHalf = AdminPermissions.Grantable.Except(FirstHalf).ToArray();
        var first = await AdminWithRoleAsync(app, owner, "前半", FirstHalf, "first@example.com", "13600000001");
        var second = await AdminWithRoleAsync(app, owner, "后半", secondHalf, "second@example.com", "13600000002");
        using var ___ = first;
        using var ____ = second;

        var pages = AdminPages(app);
        Assert.Empty(pages.Where(p => !p.Access.Mapped).Select(p => p.Path));
        var gated = pages.Where(p => p.Access.Permission is not null).ToList();
        Assert.True(gated.Count >= 40, $"only {gated.Count} permission-gated admin pages found");
        // A token of the admin's own session: a refusal is then the permission, not the antiforgery check.
        var tokens = new Dictionary<PageClient, string> { [first] = await first.TokenAsync("/admin/password"), [second] = await second.TokenAsync("/admin/password") };
        var before = await AdminPostAuthorizationTests.FingerprintAsync(app);

        foreach (var page in gated)
        {
            var permission = page.Access.Permission!.Value;
            var lacking = FirstHalf.Contains(permission) ? new[] { second } : permission == AdminPermission.ManageAdmins ? [first, second] : [first];
            foreach (var client in lacking)
            {
                var get = await client.GetAsync(page.Url);
                if (permission == AdminPermission.Home)
                    // 首页 is where 登陆 lands: a role without it is taken to its own first page instead.
                    Assert.True(get.Status == HttpStatusCode.Redirect && get.Location is { } l && l != "/admin", $"GET {page.Url}: {(int)get.Status} {get.Location}");
                else
                    Assert.True(get.Status == HttpStatusCode.Forbidden, $"GET {page.Url} ({permission}): {(int)get.Status} {get.Location}");
                foreach (var handler in page.PostHandlers)
                {
                    var url = page.Url + (handler is null ? "" : $"&handler={handler}");
                    var post = await client.PostWithoutTokenAsync(url, new Dictionary<string, string> { ["id"] = "1" }, tokens[client]);
                    Assert.True(post.Status == HttpStatusCode.Forbidden, $"POST {url} ({permission}): {(int)post.Status} {post.Location}");
                }
            }
        }

        Assert.Contains("没有访问权限", (await first.GetAsync("/admin/customers")).Html);
        Assert.Equal(before, await AdminPostAuthorizationTests.FingerprintAsync(app));
    }

    [Fact]
    public async Task EveryAdminPage_HasAPermissionOrIsOpenByName()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        var pages = AdminPages(app);
        Assert.All(pages, p => Assert.True(p.Access.Mapped, $"{p.Path} has no permission in AdminPageMap"));
        Assert.Equal(AdminPermission.ManageAdmins, pages.Single(p => p.Path == "/Team/Index").Access.Permission);
        Assert.Equal(AdminPermission.ManageAdmins, pages.Single(p => p.Path == "/Security/Requirement").Access.Permission);
        Assert.Null(pages.Single(p => p.Path == "/Security/Index").Access.Permission);
    }

    internal static async Task<PageClient> AdminWithRoleAsync(QunfaApp app, PageClient owner, string roleName, IEnumerable<AdminPermission> permissions, string email, string phone)
    {
        var role = new Dictionary<string, string> { ["Input.Name"] = roleName };
        var i = 0;
        foreach (var p in permissions) role[$"Input.Permissions[{i++}]"] = p.ToString();
        Assert.True((await owner.PostFormAsync("/admin/roles/edit", role)).IsRedirectTo("/admin/roles"));
        var id = await app.WithDbAsync(d => d.AdminRoles.Where(r => r.Name == roleName).Select(r => r.Id).SingleAsync());
        await AdminTeamScenario.AddAsync(owner, email, phone, $"custom-{id}");
        var client = app.CreatePageClient();
        await AdminTeamScenario.FirstLoginAsync(client, email);
        return client;
    }

    private sealed record AdminPage(string Path, string Url, AdminPageAccess Access, IReadOnlyList<string?> PostHandlers);

    private static List<AdminPage> AdminPages(QunfaApp app) =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(x => x.Page is { AreaName: "Admin" } && x.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .GroupBy(x => x.Page!.ViewEnginePath)
            .Select(g => g.First())
            .Select(x => new AdminPage(
                x.Page!.ViewEnginePath,
                "/" + System.Text.RegularExpressions.Regex.Replace(x.Endpoint.RoutePattern.RawText!.TrimStart('/'), @"\{[^}]*\}", "1") + "?id=1",
                x.Endpoint.Metadata.GetMetadata<AdminPageAccess>() ?? AdminPageAccess.Unmapped,
                [.. x.Page.HandlerMethods.Where(h => h.HttpMethod == "Post").Select(h => h.Name).Distinct()]))
            .OrderBy(p => p.Path, StringComparer.Ordinal),
    ];
}
