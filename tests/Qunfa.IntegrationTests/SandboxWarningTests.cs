using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Payments;

namespace Qunfa.IntegrationTests;

/// <summary>
/// 支付配置, AK 管理 and 首页 say plainly while a sandbox part is in use (its keys are public), and 首页 keeps warning until
/// both the carrier and the payment are the operator's real ones. The real gateway refuses the demo merchant's keys.
/// </summary>
public sealed class SandboxWarningTests
{
    private const string Box = "data-testid=\"sandbox-warning\"";

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SandboxCarrierAndPayment_AreWarnedOnTheirPagesAndOnTheHomePage(DatabaseKind db)
    {
        await using var s = await PaymentScenario.StartAsync(db);

        var payment = await HtmlAsync(s.Admin, "/admin/settings/payment");
        Assert.Contains(Box, payment);
        Assert.Contains("data-part=\"payment-sandbox\"", payment);
        Assert.DoesNotContain("data-part=\"carrier-sandbox\"", payment);

        var carrier = await HtmlAsync(s.Admin, "/admin/settings/carrier");
        Assert.Contains(Box, carrier);
        Assert.Contains("data-part=\"carrier-sandbox\"", carrier);
        Assert.DoesNotContain("data-part=\"payment-sandbox\"", carrier);

        var home = await HtmlAsync(s.Admin, "/admin");
        Assert.Contains("尚未正式上线", home);
        Assert.Contains("data-part=\"carrier-sandbox\"", home);
        Assert.Contains("data-part=\"payment-sandbox\"", home);

        // Payment goes live; the carrier is still the sandbox, so 首页 still warns, about the carrier only.
        Assert.True((await s.SavePaymentSettingsAsync("Md5", "Aliyun", OwnMerchant())).IsRedirectTo("/admin/settings/payment"));
        Assert.DoesNotContain(Box, await HtmlAsync(s.Admin, "/admin/settings/payment"));
        home = await HtmlAsync(s.Admin, "/admin");
        Assert.Contains("data-part=\"carrier-sandbox\"", home);
        Assert.DoesNotContain("data-part=\"payment-sandbox\"", home);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RealCarrierAndRealPayment_ShowNoWarning(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var admin = app.CreatePageClient();
        await SetupScenario.CompleteAsync(admin);
        await SetupScenario.LoginAsync(admin);

        Assert.DoesNotContain(Box, await HtmlAsync(admin, "/admin/settings/carrier"));
        // No payment yet: customers cannot buy, so 首页 is not done warning.
        var home = await HtmlAsync(admin, "/admin");
        Assert.Contains("data-part=\"payment-missing\"", home);
        Assert.DoesNotContain("data-part=\"carrier-sandbox\"", home);

        var fields = new Dictionary<string, string>(OwnMerchant())
        {
            ["Input.Protocol"] = "Md5", ["Input.Gateway"] = "Aliyun",
            ["Input.CallbackHost"] = "203.0.113.10", ["Input.CallbackPort"] = "443", ["Input.CallbackScheme"] = "https",
        };
        Assert.True((await admin.PostFormAsync("/admin/settings/paymentedit", fields)).IsRedirectTo("/admin/settings/payment"));

        Assert.DoesNotContain(Box, await HtmlAsync(admin, "/admin"));
        Assert.DoesNotContain(Box, await HtmlAsync(admin, "/admin/settings/payment"));
        Assert.DoesNotContain(Box, await HtmlAsync(admin, "/admin/settings/carrier"));
    }

    public static TheoryData<DatabaseKind, string> DemoValues => new()
    {
        { DatabaseKind.Sqlite, "kept-key" }, { DatabaseKind.Postgres, "kept-key" },
        { DatabaseKind.Sqlite, "typed-key" }, { DatabaseKind.Postgres, "typed-key" },
        { DatabaseKind.Sqlite, "partner" }, { DatabaseKind.Postgres, "partner" },
    };

    [Theory, MemberData(nameof(DemoValues))]
    public async Task RealGateway_WithTheDemoMerchantsPublicKeys_IsRefused_AndChangesNothing(DatabaseKind db, string kind)
    {
        await using var s = await PaymentScenario.StartAsync(db);
        var before = await s.App.WithDbAsync(d => d.PaymentSettings.AsNoTracking().SingleAsync());
        var merchant = kind switch
        {
            // Switching the gateway without re-entering the key would keep the sandbox's.
            "kept-key" => new Dictionary<string, string> { ["Input.PartnerId"] = "2088000011112222" },
            "typed-key" => new Dictionary<string, string> { ["Input.PartnerId"] = "2088000011112222", ["Input.Md5Key"] = SandboxMerchant.Md5Key },
            "partner" => new Dictionary<string, string> { ["Input.PartnerId"] = SandboxMerchant.Partner, ["Input.Md5Key"] = "ownkey7md5k9d2x8c4v6b1n5m0z7a3s9" },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await s.SavePaymentSettingsAsync("Md5", "Aliyun", merchant);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains(SandboxMerchant.PublicKeyMessage, response.Html);
        var after = await s.App.WithDbAsync(d => d.PaymentSettings.AsNoTracking().SingleAsync());
        Assert.Equal(CarrierKind.Sandbox, after.Gateway);
        Assert.Equal(before.PartnerId, after.PartnerId);
        Assert.Equal(before.ProtectedMd5Key, after.ProtectedMd5Key);
        Assert.Contains(await s.App.WithDbAsync(d => d.AdminLog.Select(e => new { e.Action, e.Succeeded }).ToListAsync()),
            e => e.Action == AdminAction.UpdatePaymentSettings && !e.Succeeded);
    }

    private static Dictionary<string, string> OwnMerchant() => new()
    {
        ["Input.PartnerId"] = "2088000011112222",
        ["Input.Md5Key"] = "ownkey7md5k9d2x8c4v6b1n5m0z7a3s9",
    };

    private static async Task<string> HtmlAsync(PageClient client, string path)
    {
        var page = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Html;
    }
}
