using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Messaging;

namespace Qunfa.IntegrationTests;

/// <summary>分配签名 and the signature's type at Alibaba: shown by 查询, enforced by 确认分配, corrected by assigning again.</summary>
public sealed class SignatureAssignTypeTests
{
    private const string Page = "/admin/signatures/assign";

    private static Dictionary<string, string> Assignment(string name, string type, params int[] customerIds)
    {
        var fields = new Dictionary<string, string> { ["Input.Target"] = "some", ["Input.SignName"] = name, ["Input.Type"] = type };
        for (var i = 0; i < customerIds.Length; i++) fields[$"Input.CustomerIds[{i}]"] = customerIds[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return fields;
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LookUp_ShowsAndPicksTheCarriersType_AndAContradictingTypeIsRefused(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var admin = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(admin);
        await SetupScenario.LoginAsync(admin);
        var ids = await AdminCustomerTests.SeedCustomersAsync(app, 1);
        CustomerScenario.Sandbox(app).SeedSign("云顶验证", signType: 0, approved: true);

        var lookup = await admin.PostFormAsync(Page + "?handler=LookUp", Assignment("云顶验证", "", ids[0]), formPath: Page);

        Assert.Contains("签名类型：验证码", System.Text.RegularExpressions.Regex.Replace(lookup.Html, "<[^>]+>|\\s", ""));
        Assert.Contains("checked", System.Text.RegularExpressions.Regex.Match(lookup.Html, "<input[^>]*id=\"type-code\"[^>]*>").Value);
        Assert.DoesNotContain("checked", System.Text.RegularExpressions.Regex.Match(lookup.Html, "<input[^>]*id=\"type-general\"[^>]*>").Value);

        var refused = await admin.PostFormAsync(Page, Assignment("云顶验证", "General", ids[0]));

        Assert.Contains("签名类型与阿里云不一致", refused.Html);
        Assert.False(await app.WithDbAsync(d => d.Signatures.AnyAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AssigningAgain_WithTheCarriersType_CorrectsCustomersWhoHaveItUnderAnotherType(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var admin = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(admin);
        await SetupScenario.LoginAsync(admin);
        var ids = await AdminCustomerTests.SeedCustomersAsync(app, 3);
        CustomerScenario.Sandbox(app).SeedSign("云顶验证", signType: 0, approved: true);
        // Assigned as 通用 before the type was checked.
        await app.WithDbAsync(async d =>
        {
            d.Signatures.Add(new Signature
            {
                CustomerId = ids[0], Name = "云顶验证", Type = SignatureType.General, Origin = Origin.Assigned,
                Status = ReviewStatus.Approved, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await d.SaveChangesAsync();
        });

        var response = await admin.PostFormAsync(Page, Assignment("云顶验证", "VerificationCode", ids[0], ids[1]));

        Assert.True(response.IsRedirectTo(Page), response.Html);
        var confirmation = (await admin.GetAsync(Page)).Html;
        Assert.Contains("已分配给1个用户", confirmation);
        Assert.Contains("已更正1个用户的签名类型", confirmation);
        var rows = await app.WithDbAsync(d => d.Signatures.OrderBy(s => s.CustomerId).ToListAsync());
        Assert.Equal([ids[0], ids[1]], rows.Select(s => s.CustomerId));
        Assert.All(rows, s => Assert.Equal(SignatureType.VerificationCode, s.Type));
    }
}
