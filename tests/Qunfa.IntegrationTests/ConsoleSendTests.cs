using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Sending;
using Qunfa.Web.Features.Sending.Console;
using Qunfa.Web.Features.Sending.Recipients;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.IntegrationTests;

/// <summary>发送短信 and 发送记录 in the customer console: preview, confirm, the records, refusals and isolation.</summary>
public sealed partial class ConsoleSendTests
{
    private const string TemplateCode = SendingScenario.TemplateCode;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<SendingScenario.Setup> StartAsync(DatabaseKind db, int balance) => SendingScenario.StartAsync(db, balance);

    private static Dictionary<string, string> Form(SendingScenario.Setup s, string? numbers = null, string? order = "A1001", string? token = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.SignName"] = SandboxAccount.SignName,
            ["Input.TemplateId"] = s.TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (order is not null) fields["Input.Variables[order]"] = order;
        if (numbers is not null) fields["Input.Numbers"] = numbers;
        if (token is not null) fields["Input.Token"] = token;
        return fields;
    }

    private static Task<PageResponse> PreviewAsync(PageClient client, Dictionary<string, string> fields) =>
        client.PostMultipartAsync("/console/send?handler=Preview", fields, "Input.File", null, "", "text/plain", formPath: "/console/send");

    private static Task<PageResponse> ConfirmAsync(PageClient client, Dictionary<string, string> fields) =>
        client.PostFormAsync("/console/send?handler=Confirm", fields, formPath: "/console/send");

    private static string Token(PageResponse page)
    {
        var match = TokenPattern().Match(page.Html);
        Assert.True(match.Success, "No token on the preview: " + page.Html);
        return match.Groups[1].Value;
    }

    private static int Shown(PageResponse page, string testId)
    {
        var match = Regex.Match(page.Html, $"data-testid=\"{testId}\">(-?\\d+)<");
        Assert.True(match.Success, $"No {testId} on the page");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<SendTask> WaitForCompletionAsync(QunfaApp app, long taskId) => SendingScenario.WaitForCompletionAsync(app, taskId);

    private static async Task AssertNothingSentAsync(SendingScenario.Setup s)
    {
        Assert.False(await s.App.WithDbAsync(d => d.SendTasks.AnyAsync()));
        Assert.False(await s.App.WithDbAsync(d => d.SendRecords.AnyAsync()));
        Assert.Equal(0, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync()));
    }

    private static string UploadFolder(SendingScenario.Setup s) =>
        Path.Combine(s.App.Services.GetRequiredService<StartupSettings>().DataDirectory, "uploads", s.CustomerId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Preview_ShowsContentSegmentsCountsAndBalanceAfter(DatabaseKind db)
    {
        await using var s = await StartAsync(db, balance: 10);

        var page = await PreviewAsync(s.Client, Form(s, "13912345678\n13912345678\n12345\n+86 139 8765 4321"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("【群发沙箱】您的订单A1001已发货", page.Html);
        Assert.Equal(2, Shown(page, "valid-count"));
        Assert.Equal(1, Shown(page, "invalid-count"));
        Assert.Equal(1, Shown(page, "duplicate-count"));
        Assert.Equal(2, Shown(page, "billed"));
        Assert.Equal(8, Shown(page, "balance-after"));
        Assert.Contains("确认发送", page.Html);
        Assert.Contains("12345", page.Html);

        var token = Token(page);
        using var csv = await s.Client.Http.GetAsync($"/console/send?handler=Invalid&token={token}", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains("12345", text);
        Assert.Contains("行号,号码,原因", text);
        // Nothing is charged or queued by a preview.
        await AssertNothingSentAsync(s);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Confirm_SendsTheStoredList_AndTheRecordsShowDelivery(DatabaseKind db)
    {
        await using var s = await StartAsync(db, balance: 10);
        var token = Token(await PreviewAsync(s.Client, Form(s, "13912345678\n13987654321\n13900000001")));

        var confirmed = await ConfirmAsync(s.Client, Form(s, token: token));

        var taskId = await s.App.WithDbAsync(d => d.SendTasks.Select(t => t.Id).SingleAsync());
        Assert.True(confirmed.IsRedirectTo($"/console/tasks/detail?id={taskId}"), $"{confirmed.Status} {confirmed.Location}");
        var submitted = await s.Client.GetAsync(confirmed.Location!);
        Assert.Contains("已提交", submitted.Html);
        Assert.Empty(Directory.EnumerateFiles(UploadFolder(s)));

        var task = await WaitForCompletionAsync(s.App, taskId);
        Assert.Equal(3, task.NumberCount);
        Assert.Equal(2, task.DeliveredCount);
        Assert.Equal(1, task.FailedCount);
        var detail = await s.Client.GetAsync($"/console/tasks/detail?id={taskId}");
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Contains("13912345678", detail.Html);
        Assert.Contains("发送成功", detail.Html);
        Assert.Contains("MOBILE_NOT_ON_SERVICE", detail.Html);

        var failedOnly = await s.Client.GetAsync($"/console/tasks/detail?id={taskId}&status=Failed");
        Assert.Contains("13900000001", failedOnly.Html);
        Assert.DoesNotContain("13912345678", failedOnly.Html);
        var byPhone = await s.Client.GetAsync($"/console/tasks/detail?id={taskId}&phone=9876");
        Assert.Contains("13987654321", byPhone.Html);
        Assert.DoesNotContain("13900000001", byPhone.Html);

        var list = await s.Client.GetAsync("/console/tasks");
        Assert.Contains("【群发沙箱】您的订单A1001已发货", list.Html);
        Assert.Contains("已完成", list.Html);

        // The token is spent: a second confirm sends nothing more.
        var again = await ConfirmAsync(s.Client, Form(s, token: token));
        Assert.Contains(ConsoleSendMessages.PreviewExpired, again.Html);
        Assert.Equal(1, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
    }

    [Fact]
    public async Task CsvUpload_WithAVariableColumn_SendsEachRowItsOwnValue()
    {
        await using var s = await StartAsync(DatabaseKind.Sqlite, balance: 10);
        var csv = Encoding.UTF8.GetBytes("手机号,order\r\n13912345678,X1\r\n13987654321,X2\r\nabc,X3\r\n");

        var page = await s.Client.PostMultipartAsync("/console/send?handler=Preview", Form(s, order: null), "Input.File", csv, "numbers.csv", "text/csv", formPath: "/console/send");

        Assert.Equal(2, Shown(page, "valid-count"));
        Assert.Equal(1, Shown(page, "invalid-count"));
        Assert.Contains("【群发沙箱】您的订单X1已发货", page.Html);
        var confirmed = await ConfirmAsync(s.Client, Form(s, order: null, token: Token(page)));
        Assert.Contains("/console/tasks/detail?id=", confirmed.Location ?? "");

        await WaitForCompletionAsync(s.App, await s.App.WithDbAsync(d => d.SendTasks.Select(t => t.Id).SingleAsync()));
        Assert.Equal("【群发沙箱】您的订单X2已发货", CustomerScenario.Sandbox(s.App).MessagesTo("13987654321").Single().Content);
        Assert.Equal("【群发沙箱】您的订单X1已发货", CustomerScenario.Sandbox(s.App).MessagesTo("13912345678").Single().Content);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Refusals_ShowTheirMessage_AndChangeNothing(DatabaseKind db)
    {
        await using var s = await StartAsync(db, balance: 2);

        // Balance too low: the preview says so and so does a confirm.
        var low = await PreviewAsync(s.Client, Form(s, "13912345678\n13987654321\n13911112222"));
        Assert.Contains(SendMessages.BalanceTooLow, low.Html);
        Assert.DoesNotContain("确认发送</button>", low.Html);
        Assert.Contains(SendMessages.BalanceTooLow, (await ConfirmAsync(s.Client, Form(s, token: Token(low)))).Html);

        // All numbers invalid.
        var invalid = await PreviewAsync(s.Client, Form(s, "12345\nabc"));
        Assert.Contains(RecipientMessages.AllInvalid, invalid.Html);
        Assert.Contains(RecipientMessages.AllInvalid, (await ConfirmAsync(s.Client, Form(s, token: Token(invalid)))).Html);

        // Missing variable value.
        var missing = await PreviewAsync(s.Client, Form(s, "13912345678", order: null));
        Assert.Contains(RecipientMessages.AllInvalid, missing.Html);
        Assert.Contains("order", missing.Html);
        Assert.Contains(RecipientMessages.AllInvalid, (await ConfirmAsync(s.Client, Form(s, order: null, token: Token(missing)))).Html);

        // Over 500 characters.
        var longValue = new string('长', 520);
        var tooLong = await PreviewAsync(s.Client, Form(s, "13912345678", order: longValue));
        Assert.Contains(SendMessages.TooLong, tooLong.Html);
        Assert.Contains(SendMessages.TooLong, (await ConfirmAsync(s.Client, Form(s, order: longValue, token: Token(tooLong)))).Html);

        // A file that is not what its name says.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var wrong = await s.Client.PostMultipartAsync("/console/send?handler=Preview", Form(s), "Input.File", png, "numbers.csv", "text/csv", formPath: "/console/send");
        Assert.Matches(RecipientMessages.ExtensionMismatch + "|" + RecipientMessages.NotText + "|" + RecipientMessages.WrongFileType, wrong.Html);
        Assert.DoesNotContain("确认发送</button>", wrong.Html);

        // No numbers at all, and a template that is not the customer's.
        Assert.Contains(ConsoleSendMessages.NoNumbers, (await PreviewAsync(s.Client, Form(s))).Html);
        var foreignTemplate = Form(s, "13912345678");
        foreignTemplate["Input.TemplateId"] = "999999";
        Assert.Contains(SendMessages.TemplateNotUsable, (await PreviewAsync(s.Client, foreignTemplate)).Html);

        // A schedule beyond 30 days.
        var late = Form(s, "13912345678");
        late["Input.ScheduledAt"] = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(SendMessages.ScheduleOutOfRange, (await PreviewAsync(s.Client, late)).Html);

        // Frozen: a good preview cannot be confirmed.
        var good = await PreviewAsync(s.Client, Form(s, "13912345678"));
        Assert.Contains("确认发送", good.Html);
        await s.App.WithDbAsync(d => d.Customers.ExecuteUpdateAsync(u => u.SetProperty(c => c.IsFrozen, true)));
        Assert.Contains(SendMessages.Frozen, (await ConfirmAsync(s.Client, Form(s, token: Token(good)))).Html);

        await AssertNothingSentAsync(s);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherCustomer_GetsNotFound_AndCannotUseTheToken(DatabaseKind db)
    {
        await using var s = await StartAsync(db, balance: 10);
        var token = Token(await PreviewAsync(s.Client, Form(s, "13912345678")));
        var confirmed = await ConfirmAsync(s.Client, Form(s, token: Token(await PreviewAsync(s.Client, Form(s, "13987654321")))));
        var taskId = await s.App.WithDbAsync(d => d.SendTasks.Select(t => t.Id).SingleAsync());
        Assert.True(confirmed.IsRedirectTo($"/console/tasks/detail?id={taskId}"));

        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13800000001", "other@example.com", "另一家企业");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/console/tasks/detail?id={taskId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/console/tasks/detail?id=abc")).Status);
        Assert.DoesNotContain("13987654321", (await other.GetAsync("/console/tasks")).Html);
        using var foreignCsv = await other.Http.GetAsync($"/console/send?handler=Invalid&token={token}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreignCsv.StatusCode);

        // The other customer posts the first customer's token with the first customer's choices: refused, nothing sent.
        var stolen = await ConfirmAsync(other, Form(s, token: token));
        Assert.Equal(HttpStatusCode.OK, stolen.Status);
        Assert.Contains(SendMessages.SignatureNotUsable, stolen.Html);
        Assert.Equal(1, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));

        // Even with its own approved signature and template the token is not found for it.
        var otherId = await s.App.WithDbAsync(d => d.Customers.Where(c => c.Email == "other@example.com").Select(c => c.Id).SingleAsync());
        await using (var scope = s.App.Services.CreateAsyncScope())
        {
            var assignment = scope.ServiceProvider.GetRequiredService<Assignment>();
            await assignment.AssignSignAsync(SandboxAccount.SignName, SignatureType.General, [otherId], Ct);
            await assignment.AssignTemplateAsync(TemplateCode, [otherId], Ct);
        }
        var otherTemplateId = await s.App.WithDbAsync(d => d.Templates.Where(t => t.CustomerId == otherId).Select(t => t.Id).SingleAsync());
        var ownChoices = Form(s, token: token);
        ownChoices["Input.TemplateId"] = otherTemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(ConsoleSendMessages.PreviewExpired, (await ConfirmAsync(other, ownChoices)).Html);
        Assert.Equal(1, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ScheduledSend_WaitsInTheOperatorsTimeZone(DatabaseKind db)
    {
        await using var s = await StartAsync(db, balance: 10);
        var clock = s.App.Services.GetRequiredService<Qunfa.Web.Infrastructure.Time.OperatorClock>();
        var at = clock.ToLocal(DateTimeOffset.UtcNow.AddDays(2));
        var fields = Form(s, "13912345678");
        fields["Input.ScheduledAt"] = at.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var preview = await PreviewAsync(s.Client, fields);
        Assert.Contains(at.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), preview.Html);
        fields.Remove("Input.Numbers");
        fields["Input.Token"] = Token(preview);
        Assert.Contains("/console/tasks/detail?id=", (await ConfirmAsync(s.Client, fields)).Location ?? "");

        var task = await s.App.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync());
        var expected = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, at.Offset);
        Assert.Equal(expected.UtcDateTime, task.ScheduledAt!.Value.UtcDateTime);
        Assert.Contains("定时待发送", (await s.Client.GetAsync("/console/tasks")).Html);
        await Task.Delay(500, Ct);
        Assert.Contains("待发送", (await s.Client.GetAsync($"/console/tasks/detail?id={task.Id}")).Html);
        Assert.Empty(CustomerScenario.Sandbox(s.App).MessagesTo("13912345678"));
    }

    [Fact]
    public async Task APreviewOlderThanAnHour_CannotBeConfirmed()
    {
        await using var s = await StartAsync(DatabaseKind.Sqlite, balance: 10);
        var token = Token(await PreviewAsync(s.Client, Form(s, "13912345678")));
        foreach (var file in Directory.EnumerateFiles(UploadFolder(s)))
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-2));

        Assert.Contains(ConsoleSendMessages.PreviewExpired, (await ConfirmAsync(s.Client, Form(s, token: token))).Html);
        await AssertNothingSentAsync(s);

        // The next preview clears the old files away.
        await PreviewAsync(s.Client, Form(s, "13987654321"));
        Assert.DoesNotContain(Directory.EnumerateFiles(UploadFolder(s)), f => Path.GetFileName(f).StartsWith(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AVerificationSignature_OnlySendsVerificationTemplates()
    {
        await using var s = await StartAsync(DatabaseKind.Sqlite, balance: 10);
        await s.App.WithDbAsync(async d =>
        {
            d.Signatures.Add(new Signature
            {
                CustomerId = s.CustomerId, Name = "验证签名", Type = SignatureType.VerificationCode, Status = ReviewStatus.Approved,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await d.SaveChangesAsync();
        });
        var fields = Form(s, "13912345678");
        fields["Input.SignName"] = "验证签名";

        Assert.Contains(SendMessages.SceneMismatch, (await PreviewAsync(s.Client, fields)).Html);
        var token = Token(await PreviewAsync(s.Client, Form(s, "13912345678")));
        fields.Remove("Input.Numbers");
        fields["Input.Token"] = token;
        Assert.Contains(SendMessages.SceneMismatch, (await ConfirmAsync(s.Client, fields)).Html);
        await AssertNothingSentAsync(s);

        using var anonymous = s.App.CreatePageClient();
        Assert.Contains("/account/login", (await anonymous.GetAsync("/console/send")).Location ?? "");
        Assert.Contains("/account/login", (await anonymous.GetAsync("/console/tasks")).Location ?? "");
    }

    [GeneratedRegex("name=\"Input.Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenPattern();
}
