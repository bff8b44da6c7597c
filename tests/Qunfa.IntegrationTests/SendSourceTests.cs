using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>发送记录 › 查看's 发送类型 says where the numbers came from: typed (文本形式) or an uploaded file (文件形式).</summary>
public sealed partial class SendSourceTests
{
    private static Dictionary<string, string> Form(SendingScenario.Setup s, string? numbers = null, string? token = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = s.TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Variables[order]"] = "A1001",
        };
        if (numbers is not null) fields["Input.Numbers"] = numbers;
        if (token is not null) fields["Input.Token"] = token;
        return fields;
    }

    private static async Task<long> ConfirmAsync(SendingScenario.Setup s, PageResponse preview)
    {
        var token = TokenPattern().Match(preview.Html);
        Assert.True(token.Success, preview.Html);
        var confirmed = await s.Client.PostFormAsync("/console/send?handler=Confirm", Form(s, token: token.Groups[1].Value), formPath: "/console/send");
        Assert.Contains("/console/tasks/detail?id=", confirmed.Location ?? "");
        return await s.App.WithDbAsync(d => d.SendTasks.OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync());
    }

    private static string Source(PageResponse record) =>
        Regex.Replace(Regex.Match(record.Html, "data-testid=\"send-source\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", "").Trim();

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TypedNumbers_AreTextForm_AndAnUploadedCsv_IsFileFormWithItsName(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        var typed = await ConfirmAsync(s, await s.Client.PostMultipartAsync("/console/send?handler=Preview", Form(s, "13912345678"),
            "Input.File", null, "", "text/plain", formPath: "/console/send"));
        var csv = Encoding.UTF8.GetBytes("手机号\r\n13987654321\r\n");
        var uploaded = await ConfirmAsync(s, await s.Client.PostMultipartAsync("/console/send?handler=Preview", Form(s),
            "Input.File", csv, "客户名单.csv", "text/csv", formPath: "/console/send"));
        using var admin = s.App.CreatePageClient();
        await SetupScenario.LoginAsync(admin);

        Assert.Equal("文本形式", Source(await admin.GetAsync($"/admin/sends/record?id={typed}")));
        Assert.Equal("文件形式（客户名单.csv）", Source(await admin.GetAsync($"/admin/sends/record?id={uploaded}")));
    }

    [GeneratedRegex("name=\"Input.Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenPattern();
}
