using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Admins;

namespace Qunfa.IntegrationTests;

public sealed class SettingsTests
{
    private static async Task<(QunfaApp App, PageClient Client)> LoggedInAsync(DatabaseKind db)
    {
        var app = await QunfaApp.StartAsync(db);
        var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);
        await SetupScenario.LoginAsync(client);
        return (app, client);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Secrets_AreEncryptedAtRest_AndShownOnlyMasked(DatabaseKind db)
    {
        var (app, client) = await LoggedInAsync(db);
        await using var _ = app;
        using var __ = client;
        var payment = new Dictionary<string, string>
        {
            ["Input.PartnerId"] = "2088123412341234",
            ["Input.Md5Key"] = "abcdefghijklmnopqrstuvwxyz123456",
            ["Input.CallbackHost"] = "203.0.113.10",
            ["Input.CallbackPort"] = "8080",
            ["Input.CallbackScheme"] = "https",
        };
        Assert.True((await client.PostFormAsync("/admin/settings/paymentedit", payment)).IsRedirectTo("/admin/settings/payment"));

        var dump = await app.DumpAllTablesAsync();
        Assert.DoesNotContain(SetupScenario.AccessKeySecret, dump);
        Assert.DoesNotContain("abcdefghijklmnopqrstuvwxyz123456", dump);

        foreach (var page in new[] { "/admin/settings/carrierview?id=1", "/admin/settings/carrieredit?id=1", "/admin/settings/payment", "/admin/settings/paymentedit" })
        {
            var html = (await client.GetAsync(page)).Html;
            Assert.DoesNotContain(SetupScenario.AccessKeySecret, html);
            Assert.DoesNotContain("abcdefghijklmnopqrstuvwxyz123456", html);
            Assert.Contains("********", html);
        }
        Assert.Contains("LTAI5tTestAccessKey", (await client.GetAsync("/admin/settings/carrierview?id=1")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CarrierEdit_BlankSecret_KeepsTheStoredOne_AndLogsTheChange(DatabaseKind db)
    {
        var (app, client) = await LoggedInAsync(db);
        await using var _ = app;
        using var __ = client;
        var before = await app.WithDbAsync(d => d.CarrierAccounts.Select(a => a.ProtectedAccessKeySecret).SingleAsync());
        var fields = SetupScenario.SystemInfo();
        fields["Input.AccessKeySecret"] = "";
        fields["Input.ReportQueueName"] = "Alicom-Queue-999-SmsReport";
        fields["Input.Remark"] = "主账号";

        Assert.True((await client.PostFormAsync("/admin/settings/carrieredit?id=1", fields)).IsRedirectTo("/admin/settings/carrier"));

        var account = await app.WithDbAsync(d => d.CarrierAccounts.SingleAsync());
        Assert.Equal(before, account.ProtectedAccessKeySecret);
        Assert.Equal("Alicom-Queue-999-SmsReport", account.ReportQueueName);
        Assert.True(await app.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.UpdateCarrierAccount && e.Succeeded)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CarrierEdit_BadTemplateCode_IsRefused_AndLoggedAsFailed(DatabaseKind db)
    {
        var (app, client) = await LoggedInAsync(db);
        await using var _ = app;
        using var __ = client;
        var fields = SetupScenario.SystemInfo();
        fields["Input.RegisterScene.TemplateCode"] = "123";
        fields["Input.InboundQueueName"] = "";

        var response = await client.PostFormAsync("/admin/settings/carrieredit?id=1", fields);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("模板code格式应为SMS_加数字", response.Html);
        Assert.Contains("请填写上行消息队列名称", response.Html);
        Assert.Equal("SMS_100000001", await app.WithDbAsync(d => d.CarrierAccounts.Select(a => a.RegisterScene.TemplateCode).SingleAsync()));
        Assert.True(await app.WithDbAsync(d => d.AdminLog.AnyAsync(e => e.Action == AdminAction.UpdateCarrierAccount && !e.Succeeded)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Profile_ScriptInCompanyName_IsStoredAndRenderedInert(DatabaseKind db)
    {
        var (app, client) = await LoggedInAsync(db);
        await using var _ = app;
        using var __ = client;
        const string script = "<script>alert('x')</script>云";

        var response = await client.PostMultipartAsync("/admin/settings/profile", SetupScenario.Portal(script), "Input.Logo", null, "", "");
        Assert.True(response.IsRedirectTo("/admin/settings/profile"));

        using var raw = await client.Http.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await raw.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert", html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Payment_InvalidValues_AreEachNamed_AndNothingSaved(DatabaseKind db)
    {
        var (app, client) = await LoggedInAsync(db);
        await using var _ = app;
        using var __ = client;
        var fields = new Dictionary<string, string>
        {
            ["Input.PartnerId"] = "12345",
            ["Input.Md5Key"] = "short",
            ["Input.CallbackHost"] = "not a host!",
            ["Input.CallbackPort"] = "abc",
            ["Input.CallbackScheme"] = "ftp",
        };

        var response = await client.PostFormAsync("/admin/settings/paymentedit", fields);

        foreach (var message in new[] { "合作者身份ID为2088开头的16位数字", "MD5密钥为32位字母或数字", "回调地址应为IP地址或域名", "输入的值无效", "请选择访问类型http或https" })
            Assert.Contains(message, response.Html);
        Assert.False(await app.WithDbAsync(d => d.PaymentSettings.AnyAsync()));
    }

    [Fact]
    public async Task Logo_IsServedWithItsContentType()
    {
        var (app, client) = await LoggedInAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;

        using var response = await client.Http.GetAsync("/logo", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SetupScenario.Png, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
