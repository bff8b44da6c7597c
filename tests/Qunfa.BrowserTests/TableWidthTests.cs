using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Replies;

namespace Qunfa.BrowserTests;

/// <summary>
/// Every table page of both consoles at common laptop widths, filled with long values: no table is wider than the
/// space it has (nothing off-screen behind a scrollbar one has to find), and every table sits in a scroll wrapper
/// for narrower screens.
/// </summary>
public sealed class TableWidthTests
{
    private const string LongCompany = "云顶云信息技术（河北）有限公司石家庄第一分公司";
    private const string LongEmail = "procurement.department.manager@yundingyun-hebei-branch.example.com";

    // For each top-level table: how much wider it is than its box (the scroll wrapper, else its parent), and whether it has a wrapper.
    private const string MeasureTables = """
        () => [...document.querySelectorAll('main table')].filter(t => !t.parentElement.closest('table')).map((t, i) => {
            const wrapper = t.closest('.table-responsive');
            const box = wrapper ?? t.parentElement;
            return { index: i, testId: t.dataset.testid ?? '', overflow: Math.round(t.getBoundingClientRect().width - box.clientWidth), wrapped: !!wrapper };
        })
        """;

    private sealed record Measured(int Index, string TestId, int Overflow, bool Wrapped);

    private static readonly (int Width, int Height)[] Screens = [(1366, 768), (1440, 900)];

    [Fact]
    public async Task EveryTable_OfBothConsoles_FitsAt1366And1440()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite, SendingScenario.FastEngine.ToDictionary());
        var s = await SendingScenario.PrepareAsync(app, balance: 100);
        var (accepted, _) = await SendingScenario.SendAsync(s, "13900000011\n13900000012\n13900000001\n13900000003");
        await SendingScenario.WaitForCompletionAsync(app, accepted!.TaskId);
        var (orderId, templateId) = await SeedLongValuesAsync(app, s.CustomerId);
        var id = s.CustomerId;
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recordQuery = $"by=phone&phone=13900000011&status=all&from={today}&to={today}";

        string[] admin =
        [
            "/admin", "/admin/settings/carrier", "/admin/customers", $"/admin/customers/grants?id={id}", $"/admin/customers/signatures?id={id}",
            $"/admin/customers/templates?id={id}", "/admin/signatures", "/admin/templates", "/admin/packages", "/admin/orders", "/admin/finance",
            "/admin/sends/tasks", $"/admin/sends/task?id={accepted.TaskId}", "/admin/sends/records", $"/admin/sends/record?id={accepted.TaskId}",
            "/admin/replies", "/admin/statistics/volume", "/admin/statistics/records?" + recordQuery, "/admin/statistics/records/detail?" + recordQuery, "/admin/log",
        ];
        string[] console =
        [
            "/console", "/console/signatures", "/console/templates", "/console/packages", "/console/tasks", $"/console/tasks/detail?id={accepted.TaskId}",
            "/console/records?" + recordQuery, "/console/records/detail?" + recordQuery, "/console/replies", "/console/opt-outs",
            "/console/api-keys", "/console/webhook", "/console/orders",
        ];

        await using var session = await BrowserSession.OpenAsync(app.RootUri, nameof(EveryTable_OfBothConsoles_FitsAt1366And1440));
        var page = session.Page;
        var problems = new List<string>();
        await new Pages.AdminConsolePage(session).LoginAsync(SetupScenario.AdminEmail, SetupScenario.AdminPassword);
        await CheckAsync(session, admin, problems);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱/手机号").FillAsync(LongEmail);
        await page.GetByLabel("密码").FillAsync(CustomerScenario.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console$"));
        await CheckAsync(session, console, problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(orderId > 0 && templateId > 0);
    }

    private static async Task CheckAsync(BrowserSession session, IEnumerable<string> paths, List<string> problems)
    {
        var page = session.Page;
        foreach (var (width, height) in Screens)
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                if (response is null || !response.Ok) { problems.Add($"{path}: HTTP {response?.Status}"); continue; }
                var tables = JsonSerializer.Deserialize<List<Measured>>(
                    (await page.EvaluateAsync<JsonElement>(MeasureTables)).GetRawText(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
                foreach (var t in tables.Where(t => t.Overflow > 1 || !t.Wrapped))
                    problems.Add($"{path} at {width}: table {t.Index} {t.TestId} overflows by {t.Overflow}px{(t.Wrapped ? "" : ", no scroll wrapper")}");
                var pageOverflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (pageOverflow > 0) problems.Add($"{path} at {width}: the page scrolls sideways by {pageOverflow}px");
                if (path is "/admin/orders" or "/console/orders" or "/admin/finance" or "/admin/sends/tasks" or "/admin/customers" || path.StartsWith("/admin/sends/task?", StringComparison.Ordinal) || path.StartsWith("/admin/customers/grants", StringComparison.Ordinal))
                    await session.ScreenshotAsync($"{path.Replace('/', '-').Trim('-')}-{width}x{height}");
            }
        }
    }

    /// <summary>Long names, emails, trade numbers and contents wherever a table shows one.</summary>
    private static Task<(int OrderId, int TemplateId)> SeedLongValuesAsync(QunfaApp app, int customerId) => app.WithDbAsync(async d =>
    {
        var now = DateTimeOffset.UtcNow;
        var customer = await d.Customers.SingleAsync(c => c.Id == customerId);
        customer.CompanyName = LongCompany;
        customer.Email = LongEmail;
        customer.ContactName = "欧阳诸葛明远";
        var paid = new Order
        {
            OrderNumber = "2612071030a1b2c3", CustomerId = customerId, ProductName = "中秋特惠大礼包（通知类）", Category = SmsCategory.Notification,
            Size = 1000000, ValidityMonths = 12, GoodsAmountFen = 9_999_999_99, AmountFen = 9_999_999_99, Status = OrderStatus.Paid,
            Protocol = PaymentProtocol.Md5, TradeNo = "2026120722001412345678901234", CreatedAt = now.AddMinutes(-5), PaidAt = now,
        };
        var unpaid = new Order
        {
            OrderNumber = "2612071031d4e5f6", CustomerId = customerId, ProductName = "推广类季度包", Category = SmsCategory.Promotion,
            Size = 500000, ValidityMonths = 3, GoodsAmountFen = 1_234_567_89, AmountFen = 1_000_000_00, Status = OrderStatus.Unpaid,
            Protocol = PaymentProtocol.Md5, CreatedAt = now,
        };
        d.Orders.AddRange(paid, unpaid);
        d.PackageProducts.Add(new PackageProduct { Name = "中秋特惠大礼包（通知类）", Category = SmsCategory.Notification, Size = 1000000, PriceFen = 9_999_999_99, ValidityMonths = 12, Recommended = true, CreatedAt = now, UpdatedAt = now });
        d.PackageGrants.Add(new PackageGrant { CustomerId = customerId, Category = SmsCategory.Promotion, Size = 1000000, Used = 123456, Status = GrantStatus.Active, Source = GrantSource.Purchased, ExpiresOn = DateOnly.FromDateTime(now.AddYears(1).UtcDateTime), CreatedAt = now, UpdatedAt = now });
        d.Signatures.Add(new Signature { CustomerId = customerId, Name = "云顶云河北分公司", Type = SignatureType.General, Origin = Origin.Applied, Status = ReviewStatus.Rejected, Reason = "签名不规范：请提供与签名一致的营业执照或商标证明，并补充使用场景说明", Remark = "用于向本公司会员发送订单通知、物流通知以及会员权益变更提醒", CreatedAt = now, UpdatedAt = now });
        var template = new Template
        {
            CustomerId = customerId, Name = "会员权益变更提醒模板（长名称）", TemplateCode = "SMS_987654321", Type = TemplateType.Promotion, Origin = Origin.Applied,
            Status = ReviewStatus.Approved, Content = "尊敬的${name}会员，您的积分${points}将于${date}到期，请登录会员中心查看详情并及时兑换礼品，感谢您一直以来的支持。拒收请回复R",
            Remark = "会员积分到期提醒，面向已注册会员发送", CreatedAt = now, UpdatedAt = now,
        };
        d.Templates.Add(template);
        d.InboundReplies.Add(new InboundReply { Phone = "13900000011", Content = "退订，以后不要再给我发这种营销短信了，谢谢配合", SignName = "群发沙箱", DestCode = "1234567890123", SequenceId = "seq-1", SentAt = now, ReceivedAt = now, CustomerId = customerId });
        await d.SaveChangesAsync();
        return (paid.Id, template.Id);
    });
}
