using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Messaging;

namespace Qunfa.IntegrationTests;

public sealed class CustomerSignatureTests
{
    private const string CreditCode = "91120104MA05TEST0X";
    private static readonly Dictionary<string, string> FastReviews = new() { ["Qunfa:Workers:ReviewSync:Interval"] = "00:00:00.500" };

    /// <summary>A customer whose qualification the carrier has already approved (the qualification flow has its own tests).</summary>
    private static async Task<(QunfaApp App, PageClient Client, int CustomerId)> QualifiedCustomerAsync(DatabaseKind db, string phone = "13900139000", string email = "buyer@example.com")
    {
        var app = await QunfaApp.StartAsync(db, FastReviews);
        var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, phone, email, "云顶云河北");
        var carrierId = CustomerScenario.Sandbox(app).SeedQualification("云顶云河北", CreditCode);
        var customerId = await app.WithDbAsync(async d =>
        {
            var customer = await d.Customers.SingleAsync(c => c.Email == email);
            d.Qualifications.Add(new Qualification
            {
                CustomerId = customer.Id, Name = "云顶云河北资质", CompanyName = "云顶云河北", OrganizationCode = CreditCode,
                CarrierId = carrierId.ToString(CultureInfo.InvariantCulture), Status = ReviewStatus.Approved,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await d.SaveChangesAsync();
            return customer.Id;
        });
        return (app, client, customerId);
    }

    private static Dictionary<string, string> Application(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Type"] = "General",
        ["Input.Source"] = "EnterpriseName",
        ["Input.ThreeInOne"] = "true",
        ["Input.Remark"] = "本公司订单通知",
        ["Input.LetterValidity"] = "2026-01-01~2099-12-31",
    };

    private static Task<PageResponse> ApplyAsync(PageClient client, string name, byte[]? letter = null) =>
        client.PostMultipartAsync("/console/signatures/apply", Application(name), "Input.LetterImage", letter ?? SetupScenario.Png, "letter.png", "image/png");

    private static async Task<Signature> WaitForReviewAsync(QunfaApp app, string name)
    {
        for (var i = 0; i < 120; i++)
        {
            var signature = await app.WithDbAsync(d => d.Signatures.AsNoTracking().SingleAsync(s => s.Name == name));
            if (signature.Status != ReviewStatus.UnderReview) return signature;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"{name} was still under review after 30 s.");
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Apply_WithALetter_IsThirdPartyUse_AndIsApprovedByTheWorker(DatabaseKind db)
    {
        var (app, client, _) = await QualifiedCustomerAsync(db);
        await using var _ = app;
        using var __ = client;

        Assert.True((await ApplyAsync(client, "云顶云海")).IsRedirectTo("/console/signatures"));

        var letter = await app.WithDbAsync(d => d.AuthorizationLetters.SingleAsync());
        Assert.Equal("云顶云海", letter.SignNames);
        Assert.Equal(CreditCode, letter.OrganizationCode);
        Assert.Equal(ReviewStatus.Approved, (await WaitForReviewAsync(app, "云顶云海")).Status);
        Assert.Contains("审批通过", (await client.GetAsync("/console/signatures")).Html);
    }

    [Theory]
    [InlineData("测试签名", "签名名称不能包含“测试”或“test”")]
    [InlineData("云", "签名名称长度为2-12个字符")]
    [InlineData("云顶云（天津）", "签名名称只能包含中文、英文字母和数字")]
    [InlineData("一二三四五六七八九十十一十二", "签名名称长度为2-12个字符")]
    public async Task Apply_NameBreakingAlibabasRules_IsRefused(string name, string message)
    {
        var (app, client, _) = await QualifiedCustomerAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;

        var response = await ApplyAsync(client, name);

        Assert.Contains(message, response.Html);
        Assert.False(await app.WithDbAsync(d => d.Signatures.AnyAsync()));
        Assert.False(await app.WithDbAsync(d => d.AuthorizationLetters.AnyAsync()));
    }

    [Fact]
    public async Task Apply_LetterThatIsNotAnImage_IsRefusedByItsContent()
    {
        var (app, client, _) = await QualifiedCustomerAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;

        var response = await ApplyAsync(client, "云顶云海", "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray());

        Assert.Contains("图片只支持JPG、PNG、GIF格式", response.Html);
        Assert.False(await app.WithDbAsync(d => d.Signatures.AnyAsync()));
    }

    [Fact]
    public async Task Apply_OverTheLimit_OrADuplicateName_IsRefused()
    {
        var (app, client, customerId) = await QualifiedCustomerAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var __ = client;
        await app.WithDbAsync(d => d.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SignatureLimit, 1)));

        Assert.True((await ApplyAsync(client, "云顶云海")).IsRedirectTo("/console/signatures"));
        Assert.Contains("签名数量已达上限（1个）", (await ApplyAsync(client, "云顶云河")).Html);
        await app.WithDbAsync(d => d.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.SignatureLimit, 5)));
        Assert.Contains("该签名已存在", (await ApplyAsync(client, "云顶云海")).Html);
    }

    [Fact]
    public async Task Apply_WithoutAnApprovedQualification_IsRefused()
    {
        var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, "13900139000", "buyer@example.com");

        Assert.Contains("请先提交资质并等待审核通过", (await ApplyAsync(client, "云顶云海")).Html);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherCustomer_CannotSeeEditOrDelete(DatabaseKind db)
    {
        var (app, owner, _) = await QualifiedCustomerAsync(db);
        await using var _ = app;
        using var __ = owner;
        await ApplyAsync(owner, "REJECT签名");
        var signature = await WaitForReviewAsync(app, "REJECT签名");
        Assert.Equal(ReviewStatus.Rejected, signature.Status);

        using var other = app.CreatePageClient();
        CustomerScenario.Sandbox(app).Options.VerificationFlowControl = false;
        await CustomerScenario.RegisterAsync(app, other, "13700137000", "other@example.com", "别家企业");

        var before = await app.WithDbAsync(d => d.Signatures.Where(s => s.Id == signature.Id)
            .Select(s => new { s.CustomerId, s.Name, s.Type, s.Remark, s.Status, s.Reason, s.UpdatedAt }).SingleAsync());
        Assert.DoesNotContain("REJECT签名", (await other.GetAsync("/console/signatures")).Html);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/console/signatures/edit?id={signature.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostMultipartAsync($"/console/signatures/edit?id={signature.Id}", Application("REJECT签名"), "Input.Material", null, "", "", formPath: "/console/signatures/apply")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync($"/console/signatures?handler=Delete&id={signature.Id}", new Dictionary<string, string>(), formPath: "/console/signatures")).Status);
        Assert.Equal(before, await app.WithDbAsync(d => d.Signatures.Where(s => s.Id == signature.Id)
            .Select(s => new { s.CustomerId, s.Name, s.Type, s.Remark, s.Status, s.Reason, s.UpdatedAt }).SingleAsync()));
    }
}
