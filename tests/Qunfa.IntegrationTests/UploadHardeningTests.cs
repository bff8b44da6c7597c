using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Qunfa.Web.Features.Sending.Console;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Features.Uploads;
using static Qunfa.Testing.HandWrittenXlsx;

namespace Qunfa.IntegrationTests;

/// <summary>
/// Number files built to burn a core (issue #15): each is refused or read by what it holds, with a clear
/// message; reading stops when the customer leaves, when the host stops and when its time budget is spent.
/// </summary>
public sealed class UploadHardeningTests
{
    // Far longer than any of these files takes now; the unbounded reading of the first two took minutes.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);
    private const string ProgressId = "0123456789abcdef0123456789abcdef";
    private const int BigListRows = 1_000_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Form(SendingScenario.Setup s, string? progressId = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = s.TemplateId.ToString(CultureInfo.InvariantCulture),
            ["Input.Variables[order]"] = "A1001",
        };
        if (progressId is not null) fields["Input.ProgressId"] = progressId;
        return fields;
    }

    private static Task<PageResponse> PreviewAsync(SendingScenario.Setup s, byte[] file, string fileName) =>
        s.Client.PostMultipartAsync("/console/send?handler=Preview", Form(s), "Input.File", file, fileName, "application/octet-stream", formPath: "/console/send")
            .WaitAsync(Generous, Ct);

    private static int Shown(PageResponse page, string testId)
    {
        var match = Regex.Match(page.Html, $"data-testid=\"{testId}\">(-?\\d+)<");
        Assert.True(match.Success, $"No {testId} on the page: {page.Html}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task AssertNothingSentAsync(SendingScenario.Setup s)
    {
        Assert.False(await s.App.WithDbAsync(d => d.SendTasks.AnyAsync(Ct)));
        Assert.Equal(0, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync(Ct)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task XlsxWithCellsAtTheFarCorners_IsReadByTheCellsItHolds(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);

        // A1 and XFD1048576, with a dimension that claims the whole sheet: 1.5 KB.
        var corners = Build(Row(1, Inline("A1", "13800138000")) + Row(1_048_576, Inline("XFD1048576", "x")), dimension: "A1:XFD1048576");
        Assert.True(corners.Length < 2048);
        var page = await PreviewAsync(s, corners, "corners.xlsx");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(1, Shown(page, "valid-count"));
        Assert.Equal(0, Shown(page, "invalid-count"));
        // The cells present were read, not a sheet of a million rows of 16,384 columns.
        Assert.Equal([1], XlsxRows.Read(new MemoryStream(corners), Ct).Select(r => r.Cells.Length));

        // XFD1 in the first row and a number a thousand rows down.
        var wide = Build(Row(1, Inline("A1", "13800138000"), Inline("XFD1", "x")) + Row(1000, Inline("A1000", "13900139000")));
        page = await PreviewAsync(s, wide, "wide.xlsx");
        Assert.Equal(2, Shown(page, "valid-count"));
        Assert.Equal(0, Shown(page, "invalid-count"));
        Assert.Contains("确认发送", page.Html);
        Assert.Equal([1, 1], XlsxRows.Read(new MemoryStream(wide), Ct).Select(r => r.Cells.Length));

        await AssertNothingSentAsync(s);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TextWithHugeLines_IsRefusedOrReadAsItsFirstColumns(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        var tooLong = DelimitedTextRows.Format(RecipientMessages.FieldTooLong, 1);

        // A CSV line of ten million characters in one field.
        var page = await PreviewAsync(s, Encoding.ASCII.GetBytes("13800138000" + new string('9', 10_000_000) + "\n"), "long.csv");
        Assert.Contains(tooLong, page.Html);
        Assert.DoesNotContain("确认发送</button>", page.Html);

        // A line of ten million commas is a row whose first column is the number.
        var commas = Encoding.ASCII.GetBytes("13800138000" + new string(',', 10_000_000) + "\n13900139000\n");
        page = await PreviewAsync(s, commas, "commas.csv");
        Assert.Equal(2, Shown(page, "valid-count"));
        Assert.Equal(0, Shown(page, "invalid-count"));
        Assert.Equal([RecipientReader.MaxColumns, 1], DelimitedTextRows.Read(new MemoryStream(commas), Ct).Select(r => r.Cells.Length));

        // A TXT file that is one line of ten million characters.
        page = await PreviewAsync(s, Encoding.ASCII.GetBytes(new string('1', 10_000_000)), "long.txt");
        Assert.Contains(tooLong, page.Html);
        Assert.DoesNotContain("确认发送</button>", page.Html);

        await AssertNothingSentAsync(s);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AbortedPreview_StopsReadingTheFile(DatabaseKind db)
    {
        await using var s = await SendingScenario.StartAsync(db, balance: 10);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var preview = PostBigListAsync(s, abort.Token);

        var counter = await ReadingStartedAsync(s, preview);
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => preview);
        await StoppedAsync(counter);
        Assert.False(counter.Done);
        Assert.True(counter.Rows < BigListRows, $"{counter.Rows} rows read");
        await AssertNothingSentAsync(s);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Shutdown_StopsReadingInFlight_AndSaysWhy(DatabaseKind db)
    {
        // Kestrel on a real port: as on SIGTERM, it lets requests in flight finish before the services go.
        var app = await QunfaApp.StartOnLoopbackAsync(db, SendingScenario.Settings(null));
        await using var s = await SendingScenario.PrepareAsync(app, balance: 10);
        var preview = PostBigListAsync(s, Ct);

        var counter = await ReadingStartedAsync(s, preview);
        s.App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        var page = await preview.WaitAsync(Generous, Ct);
        Assert.True(counter.Stopped);
        Assert.True(counter.Rows < BigListRows, $"{counter.Rows} rows read");
        Assert.Contains(UploadParseBudget.Stopping, page.Html);
        Assert.DoesNotContain("确认发送</button>", page.Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReadingLongerThanTheBudget_IsRefusedWithAClearMessage(DatabaseKind db)
    {
        // One tick: spent before the first rows of the file are read.
        await using var s = await SendingScenario.StartAsync(db, balance: 10,
            new Dictionary<string, string> { ["Qunfa:Uploads:ParseTimeout"] = "00:00:00.0000001" });
        var numbers = Encoding.ASCII.GetBytes(string.Join('\n', Enumerable.Range(0, 200_000).Select(i => $"139{i:D8}")));

        var page = await PreviewAsync(s, numbers, "numbers.txt");
        Assert.Contains(UploadParseBudget.TimedOut, page.Html);
        Assert.DoesNotContain("确认发送</button>", page.Html);
        await AssertNothingSentAsync(s);
    }

    /// <summary>The preview of a million numbers, running in the background.</summary>
    private static Task<PageResponse> PostBigListAsync(SendingScenario.Setup s, CancellationToken ct)
    {
        var numbers = Encoding.ASCII.GetBytes(string.Join('\n', Enumerable.Range(0, BigListRows).Select(i => $"139{i:D8},name{i}")));
        return Task.Run(async () =>
        {
            var page = await s.Client.GetAsync("/console/send");
            var token = WebUtility.HtmlDecode(Regex.Match(page.Html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
            using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            foreach (var (key, value) in Form(s, ProgressId)) content.Add(new StringContent(value), key);
            content.Add(new ByteArrayContent(numbers), "Input.File", "numbers.csv");
            using var response = await s.Client.Http.PostAsync("/console/send?handler=Preview", content, ct);
            return await PageResponse.ReadAsync(response);
        }, ct);
    }

    /// <summary>The counter of the preview once it has read its first rows.</summary>
    private static async Task<RecipientProgress.Counter> ReadingStartedAsync(SendingScenario.Setup s, Task<PageResponse> preview)
    {
        var progress = s.App.Services.GetRequiredService<RecipientProgress>();
        while (true)
        {
            if (preview.IsCompleted) Assert.Fail("The preview finished before it could be interrupted: " + (await preview).Html);
            if (progress.Find(s.CustomerId, ProgressId) is { Rows: > 0 } counter) return counter;
            await Task.Delay(5, Ct);
        }
    }

    private static async Task StoppedAsync(RecipientProgress.Counter counter)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        wait.CancelAfter(Generous);
        while (!counter.Stopped) await Task.Delay(20, wait.Token);
    }
}
