using System.Text;
using System.Text.RegularExpressions;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>发送短信's preview: per-row billing, duplicates of incomplete rows, a balance too low, long invalid lists, English.</summary>
public sealed partial class ConsolePreviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Form(SendingScenario.Setup s, string? numbers = null, string? order = "A1001")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = s.TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (order is not null) fields["Input.Variables[order]"] = order;
        if (numbers is not null) fields["Input.Numbers"] = numbers;
        return fields;
    }

    private static Task<PageResponse> PreviewAsync(PageClient client, Dictionary<string, string> fields) =>
        client.PostMultipartAsync("/console/send?handler=Preview", fields, "Input.File", null, "", "text/plain", formPath: "/console/send");

    private static Task<PageResponse> PreviewCsvAsync(SendingScenario.Setup s, string csv) =>
        s.Client.PostMultipartAsync("/console/send?handler=Preview", Form(s, order: null), "Input.File", Encoding.UTF8.GetBytes(csv), "numbers.csv", "text/csv", formPath: "/console/send");

    private static string TestId(PageResponse page, string id)
    {
        var match = Regex.Match(page.Html, $"data-testid=\"{id}\">(.*?)</(dd|span|p)>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No {id} on the page");
        return Regex.Replace(match.Groups[1].Value, "<[^>]+>", " ").Trim();
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Preview_RowsOfDifferentLengths_ShowTheRangePerMessage_AndTheTotal(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 100);
        // 【群发沙箱】您的订单…已发货 is 13 characters around the value: 1, 2 and 4 segments.
        var csv = $"手机号,order\r\n13912345678,A\r\n13987654321,{new string('B', 60)}\r\n13911112222,{new string('C', 200)}\r\n";

        var page = await PreviewCsvAsync(s, csv);

        Assert.Equal("每条短信按1–4条计费（各号码的变量值长短不同），合计7条", TestId(page, "segments"));
        Assert.Equal("7", TestId(page, "billed"));

        var same = await PreviewAsync(s.Client, Form(s, "13912345678\n13987654321"));
        Assert.Equal("每条短信按1条计费，合计2条", TestId(same, "segments"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Preview_ARepeatedNumberWithoutItsValue_IsCountedAsADuplicate_NotAsInvalid(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 100);

        var page = await PreviewCsvAsync(s, "手机号,order\r\n13912345678,X1\r\n13912345678,\r\n");

        Assert.Equal("1", TestId(page, "valid-count"));
        Assert.Equal("1", TestId(page, "duplicate-count"));
        Assert.Equal("0", TestId(page, "invalid-count"));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Preview_BalanceTooLow_SaysHowMuchIsMissing_AndLinksToBuyingAPackage(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 1);

        var page = await PreviewAsync(s.Client, Form(s, "13912345678\n13987654321\n13911112222"));

        var shortfall = Regex.Match(page.Html, "data-testid=\"shortfall\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("余量不足，还差 2 条", shortfall);
        Assert.Contains("href=\"/console/packages/buy\"", shortfall);
        Assert.DoesNotContain("data-testid=\"balance-after\"", page.Html);
        Assert.DoesNotContain(">-2<", page.Html);
        Assert.DoesNotContain("确认发送", page.Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Preview_ManyInvalidNumbers_SaysHowManyOfThemAreListed(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 100);
        var numbers = string.Join('\n', Enumerable.Range(0, 100).Select(i => "123" + i)) + "\n13912345678";

        var page = await PreviewAsync(s.Client, Form(s, numbers));

        Assert.Equal("100", TestId(page, "invalid-count"));
        Assert.Equal("显示前 20 个无效号码，共 100 个", TestId(page, "invalid-shown"));

        var few = await PreviewAsync(s.Client, Form(s, "12345\n13912345678"));
        Assert.DoesNotContain("data-testid=\"invalid-shown\"", few.Html);
    }

    [Fact]
    public async Task Preview_InEnglish_ShowsTheReasonsInEnglish()
    {
        await using var s = await SendingScenario.StartAsync(DatabaseKind.Sqlite, balance: 100);
        var console = await s.Client.GetAsync("/console");
        var action = Regex.Match(console.Html, "<form method=\"post\" action=\"([^\"]+)\"[^>]*>\\s*<input type=\"hidden\" name=\"returnUrl\"").Groups[1].Value;
        var switched = await s.Client.PostFormAsync(action, new Dictionary<string, string> { ["culture"] = "en-US", ["returnUrl"] = "/console/send" }, formPath: "/console/send");
        Assert.True(switched.IsRedirectTo("/console/send"), $"{switched.Status} {switched.Location}");

        var page = await s.Client.PostMultipartAsync("/console/send?handler=Preview", Form(s, "12345\n13912345678", order: null), "Input.File",
            Encoding.UTF8.GetBytes("手机号,order\r\n13912345678,\r\n12345,X\r\n"), "numbers.csv", "text/csv", formPath: "/console/send");

        Assert.Contains("Invalid number format", page.Html);
        Assert.DoesNotContain("号码格式不正确", page.Html);
        Assert.Contains("Missing value for variable order", page.Html);
        Assert.DoesNotContain("缺少变量", page.Html);
    }
}
