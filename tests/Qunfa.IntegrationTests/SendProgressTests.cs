using System.Net;
using System.Text;
using System.Text.Json;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>The rows-read count the 发送短信 page polls while a number list is checked.</summary>
public sealed class SendProgressTests
{
    [Fact]
    public async Task Preview_CountsTheRowsItRead_UnderTheFormsId_ForThatCustomerOnly()
    {
        var s = await SendingScenario.StartAsync(DatabaseKind.Sqlite, balance: 10);
        await using var _ = s.App;
        const string Id = "0123456789abcdef01234567";
        var csv = Encoding.UTF8.GetBytes(string.Join('\n', Enumerable.Range(0, 2500).Select(i => $"139{i:D8}")));
        var fields = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = s.TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Variables[order]"] = "A1",
            ["Input.ProgressId"] = Id,
        };

        var preview = await s.Client.PostMultipartAsync("/console/send?handler=Preview", fields, "Input.File", csv, "numbers.csv", "text/csv", formPath: "/console/send");
        Assert.Equal(HttpStatusCode.OK, preview.Status);

        var progress = await s.Client.GetAsync($"/console/send?handler=Progress&id={Id}");
        Assert.Equal(HttpStatusCode.OK, progress.Status);
        using var json = JsonDocument.Parse(progress.Html);
        Assert.Equal(2500, json.RootElement.GetProperty("rows").GetInt64());
        Assert.True(json.RootElement.GetProperty("done").GetBoolean());

        Assert.Equal(HttpStatusCode.NotFound, (await s.Client.GetAsync("/console/send?handler=Progress&id=ffffffffffffffffffffffff")).Status);
        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13700000000", "other@example.com", "另一家企业");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/console/send?handler=Progress&id={Id}")).Status);
    }
}
