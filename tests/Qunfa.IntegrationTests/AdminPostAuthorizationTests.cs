using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Qunfa.IntegrationTests;

/// <summary>Every POST handler of the admin area, found from the app's own endpoints, refuses a visitor and a customer and changes nothing.</summary>
public sealed class AdminPostAuthorizationTests
{
    // Reached before the admin session exists, so deliberately open.
    private static readonly string[] OpenPages = ["/Login", "/TwoFactor/Verify", "/TwoFactor/Enrol"];

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AdminPostHandlers_RefuseVisitorsAndCustomers_AndChangeNothing(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using (var setup = app.CreatePageClient()) await SetupScenario.CompleteWithSandboxAsync(setup);
        using var visitor = app.CreatePageClient();
        using var customer = app.CreatePageClient();
        CustomerScenario.Sandbox(app).Options.VerificationFlowControl = false;
        await CustomerScenario.RegisterAsync(app, customer, "13700137000", "someone@example.com", "某企业");
        var customerId = await app.WithDbAsync(d => d.Customers.Select(c => c.Id).SingleAsync());

        var targets = AdminPostTargets(app, customerId);
        Assert.True(targets.Count >= 20, $"only {targets.Count} admin POST handlers found: {string.Join(", ", targets)}");
        var visitorToken = await visitor.TokenAsync("/account/login");
        var customerToken = await customer.TokenAsync("/console/account");
        var before = await FingerprintAsync(app);

        foreach (var target in targets)
        {
            foreach (var (who, client, token) in new[] { ("visitor", visitor, visitorToken), ("customer", customer, customerToken) })
            {
                var response = await client.PostWithoutTokenAsync(target, new Dictionary<string, string> { ["id"] = $"{customerId}" }, token);
                Assert.True(response.Status is HttpStatusCode.Forbidden || IsRedirectToAdminLogin(response),
                    $"{who} POST {target}: {(int)response.Status} {response.Location}");
            }
        }

        Assert.Equal(before, await FingerprintAsync(app));
    }

    private static bool IsRedirectToAdminLogin(PageResponse response) =>
        response.Status == HttpStatusCode.Found && response.Location is { } location
        && new Uri(new Uri("http://localhost"), location).AbsolutePath.Equals("/admin/login", StringComparison.OrdinalIgnoreCase);

    private static List<string> AdminPostTargets(QunfaApp app, int id) =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(x => x.Page is { AreaName: "Admin" } && !OpenPages.Contains(x.Page.ViewEnginePath, StringComparer.OrdinalIgnoreCase))
            .SelectMany(x => x.Page!.HandlerMethods.Where(h => h.HttpMethod == "Post")
                .Select(h => $"/{RouteWithId(x.Endpoint.RoutePattern.RawText!, id)}?id={id}" + (h.Name is null ? "" : $"&handler={h.Name}")))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    private static string RouteWithId(string pattern, int id) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{[^}]*\}", $"{id}");

    /// <summary>Every row of every table, in a fixed order.</summary>
    internal static Task<string> FingerprintAsync(QunfaApp app) => app.WithDbAsync(async db =>
    {
        var text = new System.Text.StringBuilder();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] b ? Convert.ToBase64String(b) : reader.GetValue(i).ToString())));
            text.Append(table).Append('\n');
            foreach (var row in rows.Order(StringComparer.Ordinal)) text.Append(row).Append('\n');
        }
        return text.ToString();
    });
}
