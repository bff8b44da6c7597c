using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.Qualifications;

namespace Qunfa.IntegrationTests;

public sealed partial class QualificationTests
{
    private const string Page = "/console/qualification";
    private const string Phone = "13900139000";
    private const string Email = "buyer@example.com";
    private const string AdminPhone = "13512345678";
    private const string CreditCode = "91330100MA27XL0Q1P";
    private const string WrongTypeMessage = "图片只支持JPG、PNG、GIF格式";

    private static readonly Dictionary<string, string> FastReviews = new() { ["Qunfa:QualificationReview:Interval"] = "00:00:00.500" };

    private static async Task<(QunfaApp App, PageClient Client)> CustomerAsync(DatabaseKind db)
    {
        var app = await QunfaApp.StartAsync(db, FastReviews);
        var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, Phone, Email);
        return (app, client);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Submit_Valid_IsUnderReview_ThenApprovedWhenTheWorkerPolls_AndALetterFollows(DatabaseKind db)
    {
        var (app, client) = await CustomerAsync(db);
        await using var _ = app;
        using var __ = client;
        Assert.Contains("未提交", (await client.GetAsync(Page)).Html);

        var minute = DateTime.UtcNow.Minute;
        var sent = await SendCodeAsync(client, AdminPhone);
        Assert.Contains("验证码已发送至135****5678", sent.Html);
        var again = await SendCodeAsync(client, AdminPhone);
        // The carrier counts per natural minute; only a second send inside the same minute is sure to be refused.
        if (DateTime.UtcNow.Minute == minute) Assert.Contains(QualificationService.CodeTooSoonMessage, again.Html);

        var response = await SubmitAsync(client, Valid(AdminPhone, CarrierCode(app, AdminPhone)), Images());
        Assert.True(response.IsRedirectTo(Page), Excerpt(response));

        var submitted = await app.WithDbAsync(d => d.Qualifications.AsNoTracking().SingleAsync());
        Assert.Equal(ReviewStatus.UnderReview, submitted.Status);
        Assert.False(string.IsNullOrEmpty(submitted.CarrierId));
        Assert.NotNull(submitted.NextReviewCheckAt);
        Assert.Equal(CreditCode, submitted.OrganizationCode);
        Assert.Equal("2020-01-01~2099-12-31", submitted.LicenseValidity);
        Assert.NotNull(CustomerScenario.Sandbox(app).UploadedFile(submitted.LicensePicKey));
        Assert.Contains("审批中", (await client.GetAsync(Page)).Html);

        var approved = await WaitAsync(app, q => q.Status != ReviewStatus.UnderReview);
        Assert.Equal(ReviewStatus.Approved, approved.Status);
        Assert.Null(approved.NextReviewCheckAt);
        var page = await client.GetAsync(Page);
        Assert.Contains("审批通过", page.Html);
        Assert.DoesNotContain("提交审核", page.Html);

        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<QualificationService>();
        Assert.Equal(approved.Id, (await service.ApprovedForAsync(approved.CustomerId, TestContext.Current.CancellationToken))?.Id);
        var (letter, outcome) = await service.CreateLetterAsync(approved.CustomerId, ["测试签名", "测试签名", "群发测试"], Image("letter.png"), "2025-01-01~长期", TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        Assert.NotNull(letter);
        Assert.Equal("测试签名、群发测试", letter.SignNames);
        Assert.Equal(SetupScenario.CompanyName, letter.Grantee);
        Assert.Equal("测试企业有限公司", letter.Grantor);
        Assert.Equal(CreditCode, letter.OrganizationCode);
        Assert.Equal(ReviewStatus.UnderReview, letter.Status);
        var reviewed = await WaitAsync(app, d => d.AuthorizationLetters.AsNoTracking().SingleAsync(), l => l.Status != ReviewStatus.UnderReview);
        Assert.Equal(ReviewStatus.Approved, reviewed.Status);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Submit_RejectedByTheCarrier_ShowsTheReason_AndCanBeCorrected(DatabaseKind db)
    {
        var (app, client) = await CustomerAsync(db);
        await using var _ = app;
        using var __ = client;
        await SendCodeAsync(client, AdminPhone);
        var response = await SubmitAsync(client, Valid(AdminPhone, CarrierCode(app, AdminPhone), company: "REJECT测试企业"), Images());
        Assert.True(response.IsRedirectTo(Page), Excerpt(response));

        var rejected = await WaitAsync(app, q => q.Status != ReviewStatus.UnderReview);
        Assert.Equal(ReviewStatus.Rejected, rejected.Status);
        Assert.Contains("REJECT", rejected.Reason);
        var page = await client.GetAsync(Page);
        Assert.Contains("审批未通过", page.Html);
        Assert.Contains(rejected.Reason!, page.Html);
        Assert.Contains("修改并重新提交资质", page.Html);
        Assert.Contains("REJECT测试企业", page.Html);

        // The carrier allows one code a minute per phone, so the correction names another administrator phone.
        const string otherPhone = "13612345678";
        await SendCodeAsync(client, otherPhone);
        var corrected = await SubmitAsync(client, Valid(otherPhone, CarrierCode(app, otherPhone)));
        Assert.True(corrected.IsRedirectTo(Page), Excerpt(corrected));

        var again = await app.WithDbAsync(d => d.Qualifications.AsNoTracking().SingleAsync());
        Assert.Equal(ReviewStatus.UnderReview, again.Status);
        Assert.Null(again.Reason);
        Assert.Equal(rejected.LicensePicKey, again.LicensePicKey);
        Assert.NotEqual(rejected.Name, again.Name);
        Assert.Equal(ReviewStatus.Approved, (await WaitAsync(app, q => q.Status != ReviewStatus.UnderReview)).Status);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SendCode_InTheSandbox_ShowsTheCarriersCodeOnThePage_AndTheQualificationGoesInWithIt(DatabaseKind db)
    {
        var (app, client) = await CustomerAsync(db);
        await using var _ = app;
        using var __ = client;

        var sent = await SendCodeAsync(client, AdminPhone);
        Assert.Contains("验证码已发送至135****5678", sent.Html);
        var shown = CustomerScenario.CodeOnPage(sent.Html);
        Assert.Equal(CarrierCode(app, AdminPhone), shown);

        var response = await SubmitAsync(client, Valid(AdminPhone, shown!), Images());
        Assert.True(response.IsRedirectTo(Page), Excerpt(response));
        Assert.Equal(ReviewStatus.Approved, (await WaitAsync(app, q => q.Status != ReviewStatus.UnderReview)).Status);

        // The carrier's own message is on 沙箱短信 too, beside the registration code.
        using var admin = app.CreatePageClient();
        await SetupScenario.LoginAsync(admin);
        var log = await admin.GetAsync("/admin/sandbox?q=" + AdminPhone);
        Assert.Contains("【阿里云】验证码" + shown, log.Html);
    }

    [Fact]
    public async Task ReviewCheck_WhileTheCarrierFails_IsRetriedLater()
    {
        var (app, client) = await CustomerAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        var sandbox = CustomerScenario.Sandbox(app);
        sandbox.Options.FaultActions = ["QuerySmsQualificationRecord"];
        sandbox.Options.ServerErrorRate = 1;
        await SendCodeAsync(client, AdminPhone);
        Assert.True((await SubmitAsync(client, Valid(AdminPhone, CarrierCode(app, AdminPhone)), Images())).IsRedirectTo(Page));

        var failedOnce = await WaitAsync(app, q => q.ReviewChecks > 0);
        Assert.Equal(ReviewStatus.UnderReview, failedOnce.Status);
        Assert.NotNull(failedOnce.NextReviewCheckAt);
        sandbox.Options.ServerErrorRate = 0;

        Assert.Equal(ReviewStatus.Approved, (await WaitAsync(app, q => q.Status != ReviewStatus.UnderReview)).Status);
    }

    [Fact]
    public async Task Submit_BadFields_AreEachNamed_AndNothingIsStored()
    {
        var (app, client) = await CustomerAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        var fields = new Dictionary<string, string>
        {
            ["Input.CompanyName"] = "ACME<script>",
            ["Input.CompanyType"] = "PERSON",
            ["Input.OrganizationCode"] = "123",
            ["Input.LicenseValidity"] = "2020/01/01",
            ["Input.LegalPersonName"] = "",
            ["Input.LegalPersonIdCardType"] = "identityCard",
            ["Input.LegalPersonIdCardNo"] = "110105194912310021",
            ["Input.LegalPersonIdCardValidity"] = "2020-01-01~2019-01-01",
            ["Input.AdminName"] = "李4",
            ["Input.AdminIdCardType"] = "passport",
            ["Input.AdminIdCardNo"] = "E#1",
            ["Input.AdminIdCardValidity"] = "2000-01-01~2001-01-01",
            ["Input.AdminPhone"] = "12345",
            ["Input.Code"] = "",
        };

        var response = await SubmitAsync(client, fields);

        foreach (var message in new[]
                 {
                     "企业名称只能包含中文、英文、数字、中点·、括号和空格，且不能为纯数字", "请选择企业类型", "统一社会信用代码应为18位数字或大写字母",
                     "营业执照有效期格式为YYYY-MM-DD~YYYY-MM-DD，长期有效填YYYY-MM-DD~长期", "请填写法人姓名", "法人证件号码不是有效的18位居民身份证号码",
                     "法人证件有效期的结束日期不能早于开始日期", "管理员姓名只能包含文字、中点·和空格，长度2-30个字符", "管理员证件号码应为5-30位字母、数字或括号",
                     "管理员证件有效期已过期", "请输入有效的11位手机号码", "请输入验证码", "请选择图片文件",
                 })
            Assert.Contains(message, response.Html);
        Assert.Equal(3, Regex.Matches(response.Html, "请选择图片文件").Count);

        var badCheck = Valid(AdminPhone, "123456");
        badCheck["Input.OrganizationCode"] = "91330100MA27XL0Q1A";
        Assert.Contains("统一社会信用代码校验位不正确，请核对", (await SubmitAsync(client, badCheck, Images())).Html);
        Assert.False(await app.WithDbAsync(d => d.Qualifications.AnyAsync()));
    }

    [Fact]
    public async Task Submit_ImagesThatAreNotImages_AreRefusedByContent()
    {
        var (app, client) = await CustomerAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        await SendCodeAsync(client, AdminPhone);
        var text = "这不是图片，只是改了扩展名的文本"u8.ToArray();
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();

        var response = await SubmitAsync(client, Valid(AdminPhone, CarrierCode(app, AdminPhone)),
            ("Input.LicensePic", text, "licence.png", "image/png"),
            ("Input.AdminIdCardFront", svg, "front.svg", "image/svg+xml"),
            ("Input.AdminIdCardBack", SetupScenario.Png, "back.png", "image/png"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, Regex.Matches(response.Html, WrongTypeMessage).Count);
        Assert.False(await app.WithDbAsync(d => d.Qualifications.AnyAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherCustomer_SeesOnlyItsOwnEmptyQualification_AndCannotTouchThisOne(DatabaseKind db)
    {
        var (app, client) = await CustomerAsync(db);
        await using var _ = app;
        using var __ = client;
        await SendCodeAsync(client, AdminPhone);
        Assert.True((await SubmitAsync(client, Valid(AdminPhone, CarrierCode(app, AdminPhone)), Images())).IsRedirectTo(Page));
        var mine = await app.WithDbAsync(d => d.Qualifications.AsNoTracking().SingleAsync());

        using var other = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, other, "13700137000", "other@example.com", "另一家企业");
        var page = await other.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("未提交", page.Html);
        Assert.Contains("另一家企业", page.Html);
        Assert.DoesNotContain(CreditCode, page.Html);
        Assert.DoesNotContain("测试企业有限公司", page.Html);
        Assert.DoesNotContain(AdminPhone, (await other.GetAsync($"{Page}?id={mine.Id}&customerId={mine.CustomerId}")).Html);

        var posted = await SubmitAsync(other, new Dictionary<string, string> { ["Input.CompanyName"] = "改掉别人的资质", ["Input.CustomerId"] = mine.CustomerId.ToString(), ["Id"] = mine.Id.ToString() });
        Assert.Contains("请填写统一社会信用代码", posted.Html);

        var after = await app.WithDbAsync(d => d.Qualifications.AsNoTracking().ToListAsync());
        var only = Assert.Single(after);
        Assert.Equal(mine.CustomerId, only.CustomerId);
        Assert.Equal(mine.CompanyName, only.CompanyName);
        var otherId = await app.WithDbAsync(d => d.Customers.Where(c => c.Email == "other@example.com").Select(c => c.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<QualificationService>();
        Assert.Null(await service.GetAsync(otherId, TestContext.Current.CancellationToken));
        var (letter, outcome) = await service.CreateLetterAsync(otherId, ["测试签名"], Image("letter.png"), "2025-01-01~长期", TestContext.Current.CancellationToken);
        Assert.Null(letter);
        Assert.Contains(QualificationService.NoApprovedQualificationMessage, outcome.Errors[""]);
    }

    private static Dictionary<string, string> Valid(string adminPhone, string code, string company = "测试企业有限公司") => new()
    {
        ["Input.CompanyName"] = company,
        ["Input.CompanyType"] = "COMPANY",
        ["Input.OrganizationCode"] = CreditCode,
        ["Input.LicenseValidity"] = "2020-01-01~长期",
        ["Input.LegalPersonName"] = "张三",
        ["Input.LegalPersonIdCardType"] = "identityCard",
        ["Input.LegalPersonIdCardNo"] = "11010519491231002X",
        ["Input.LegalPersonIdCardValidity"] = "2015-01-01~2035-01-01",
        ["Input.AdminName"] = "李四",
        ["Input.AdminIdCardType"] = "identityCard",
        ["Input.AdminIdCardNo"] = "440301199001011234",
        ["Input.AdminIdCardValidity"] = "2018-05-01~2038-05-01",
        ["Input.AdminPhone"] = adminPhone,
        ["Input.Code"] = code,
    };

    private static (string Field, byte[] Bytes, string FileName, string ContentType)[] Images() =>
    [
        ("Input.LicensePic", SetupScenario.Png, "licence.png", "image/png"),
        ("Input.AdminIdCardFront", SetupScenario.Png, "front.png", "image/png"),
        ("Input.AdminIdCardBack", SetupScenario.Png, "back.png", "image/png"),
    ];

    private static FormFile Image(string name) =>
        new(new MemoryStream(SetupScenario.Png), 0, SetupScenario.Png.Length, "letter", name) { Headers = new HeaderDictionary(), ContentType = "image/png" };

    private static string CarrierCode(QunfaApp app, string phone) =>
        CustomerScenario.Sandbox(app).LastPhoneCode(phone) ?? throw new InvalidOperationException($"The carrier sent no code to {phone}");

    private static Task<PageResponse> SendCodeAsync(PageClient client, string adminPhone) =>
        client.PostFormAsync($"{Page}?handler=SendCode", new Dictionary<string, string> { ["Input.AdminPhone"] = adminPhone }, formPath: Page);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChosenImages_SurviveGetCodeAndARefusedField_AndAreSubmittedWithoutChoosingAgain(DatabaseKind db)
    {
        var (app, client) = await CustomerAsync(db);
        await using var _ = app;
        using var __ = client;
        var empty = await client.GetAsync(Page);
        Assert.Contains("id=\"qualification-status\">未提交<", empty.Html);
        Assert.DoesNotContain("待审批", empty.Html);

        var sent = await SubmitAsync(client, new Dictionary<string, string> { ["Input.AdminPhone"] = AdminPhone }, $"{Page}?handler=SendCode", Images());
        Assert.Contains("验证码已发送至135****5678", sent.Html);
        var held = HeldTokens(sent);
        Assert.Equal(3, held.Count);
        Assert.Contains("licence.png", sent.Html);

        var refusedFields = Valid(AdminPhone, CarrierCode(app, AdminPhone));
        refusedFields["Input.OrganizationCode"] = "123";
        foreach (var (field, token) in held) refusedFields[field] = token;
        var refused = await SubmitAsync(client, refusedFields, Page);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(held, HeldTokens(refused));
        Assert.False(await app.WithDbAsync(d => d.Qualifications.AnyAsync()));

        var fields = Valid(AdminPhone, CarrierCode(app, AdminPhone));
        foreach (var (field, token) in held) fields[field] = token;
        var submitted = await SubmitAsync(client, fields, Page);
        Assert.True(submitted.IsRedirectTo(Page), Excerpt(submitted));
        var row = await app.WithDbAsync(d => d.Qualifications.AsNoTracking().SingleAsync());
        Assert.NotNull(CustomerScenario.Sandbox(app).UploadedFile(row.AdminIdCardBackKey));

        // Another customer cannot use those tokens.
        using var other = app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, other, "13900139001", "other@example.com");
        var foreignFields = Valid(AdminPhone, "123456");
        foreach (var (field, token) in held) foreignFields[field] = token;
        var foreign = await SubmitAsync(other, foreignFields, Page);
        Assert.Empty(HeldTokens(foreign));
    }

    private static Dictionary<string, string> HeldTokens(PageResponse page) =>
        HeldPattern().Matches(page.Html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [GeneratedRegex("name=\"(Input\\.\\w+Held)\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex HeldPattern();

    private static Task<PageResponse> SubmitAsync(PageClient client, Dictionary<string, string> fields, params (string Field, byte[] Bytes, string FileName, string ContentType)[] files) =>
        SubmitAsync(client, fields, Page, files);

    private static async Task<PageResponse> SubmitAsync(PageClient client, Dictionary<string, string> fields, string path, params (string Field, byte[] Bytes, string FileName, string ContentType)[] files)
    {
        var form = await client.GetAsync(Page);
        var token = TokenPattern().Match(form.Html).Groups[1].Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields) content.Add(new StringContent(value), key);
        foreach (var (field, bytes, fileName, contentType) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            content.Add(part, field, fileName);
        }
        using var response = await client.Http.PostAsync(path, content, TestContext.Current.CancellationToken);
        return await PageResponse.ReadAsync(response);
    }

    private static Task<Qualification> WaitAsync(QunfaApp app, Func<Qualification, bool> done) =>
        WaitAsync(app, d => d.Qualifications.AsNoTracking().SingleAsync(), done);

    /// <summary>The worker polls every half second and the sandbox decides after 3 s; a review ends well within the bound.</summary>
    private static async Task<T> WaitAsync<T>(QunfaApp app, Func<Qunfa.Web.Data.QunfaDbContext, Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            var value = await app.WithDbAsync(read);
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The review did not finish in time.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static string Excerpt(PageResponse response)
    {
        var i = response.Html.IndexOf("field-validation-error", StringComparison.Ordinal);
        if (i < 0) i = response.Html.IndexOf("alert", StringComparison.Ordinal);
        return $"{(int)response.Status} {response.Location} " + (i < 0 ? "" : response.Html[i..Math.Min(i + 400, response.Html.Length)]);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
