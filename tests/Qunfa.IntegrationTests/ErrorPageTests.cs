using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.IntegrationTests;

/// <summary>
/// What a visitor sees when something goes wrong: the operator's pages, never a stack trace or an empty body,
/// and refused forms that say what was wrong with them.
/// </summary>
public sealed partial class ErrorPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(QunfaApp App, PageClient Client)> StartSetUpAsync(DatabaseKind db)
    {
        var app = await QunfaApp.StartAsync(db);
        var client = app.CreatePageClient();
        await SetupScenario.CompleteAsync(client);
        return (app, client);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnknownAddress_ShowsTheNotFoundPage_WithALinkHome_AndApiPathsAnswerProblemDetails(DatabaseKind db)
    {
        var (app, client) = await StartSetUpAsync(db);
        await using var _ = app;
        using var __ = client;

        var page = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("页面不存在", page.Html);
        Assert.Contains("<a class=\"btn btn-primary mt-2\" href=\"/\">返回首页</a>", page.Html);
        Assert.DoesNotContain("data-testid=\"error-reference\"", page.Html);

        using var response = await client.Http.GetAsync("/api/no/such/endpoint", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ServerError_ShowsAReference_ThatTheLogLineCarries_AndNoStackTrace(DatabaseKind db)
    {
        var (app, client) = await StartSetUpAsync(db);
        await using var _ = app;
        using var __ = client;
        // A real failure: the portal's package table is gone from under the running platform.
        await app.WithDbAsync(d => d.Database.ExecuteSqlRawAsync("ALTER TABLE \"PackageProducts\" RENAME TO \"PackageProductsGone\"", Ct));

        var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("出错了", page.Html);
        Assert.Contains(SetupScenario.CompanyName, page.Html);
        var reference = ReferencePattern().Match(page.Html);
        Assert.True(reference.Success, page.Html);
        Assert.DoesNotContain("Exception", page.Html);
        Assert.DoesNotContain("PackageProducts", page.Html);
        var logged = Assert.Single(app.Logs.Entries, e => e.Contains("reference " + reference.Groups[1].Value, StringComparison.Ordinal));
        Assert.StartsWith("Error ", logged);
        Assert.Contains("GET /", logged);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NulInAForm_SaysInvalidCharacters_AndChangesNothing(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();

        var fields = SetupScenario.License();
        fields["Input.Name"] = "张\0三";
        var encoded = await client.PostFormAsync("/setup/license", fields);
        Assert.Equal(HttpStatusCode.BadRequest, encoded.Status);
        Assert.Contains(FormReadFailureFilter.InvalidCharacters, encoded.Html);
        Assert.DoesNotContain("页面已过期", encoded.Html);

        // Multipart lets the character through to the form; it is refused all the same.
        var multipart = await client.PostMultipartAsync("/setup/license", fields, "Input.Attachment", null, "", "text/plain");
        Assert.Equal(HttpStatusCode.BadRequest, multipart.Status);
        Assert.Contains(FormReadFailureFilter.InvalidCharacters, multipart.Html);

        Assert.Equal(WizardStep.License, await app.WithDbAsync(d => d.Installations.Select(i => i.Step).SingleAsync(Ct)));
        Assert.Equal("/setup/admin", (await client.PostFormAsync("/setup/license", SetupScenario.License())).Location);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UploadOverTheLimit_SaysTheFileIsTooLarge_WithTheLimit(DatabaseKind db)
    {
        // Kestrel on a real port, whose request size limit is what refuses the upload.
        var app = await QunfaApp.StartOnLoopbackAsync(db, SendingScenario.Settings(null));
        await using var s = await SendingScenario.PrepareAsync(app, balance: 10);
        var fields = new Dictionary<string, string>
        {
            ["Input.SignName"] = Qunfa.Web.Features.Settings.SandboxAccount.SignName,
            ["Input.TemplateId"] = s.TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var page = await s.Client.PostMultipartAsync("/console/send?handler=Preview", fields, "Input.File", new byte[100 * 1024 * 1024], "numbers.txt", "text/plain", formPath: "/console/send");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Status);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, FormReadFailureFilter.TooLarge, "51MB"), page.Html);
        Assert.DoesNotContain("页面已过期", page.Html);
        Assert.False(await app.WithDbAsync(d => d.SendTasks.AnyAsync(Ct)));
    }

    [GeneratedRegex("data-testid=\"error-reference\">([^<]+)<")]
    private static partial Regex ReferencePattern();
}
