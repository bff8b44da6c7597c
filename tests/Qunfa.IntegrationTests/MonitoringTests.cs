using System.Net;
using System.Net.Http.Headers;

namespace Qunfa.IntegrationTests;

public sealed class MonitoringTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_FromLoopback_AreInPrometheusTextFormat()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using var http = new HttpClient { BaseAddress = app.RootUri };

        using var response = await http.GetAsync("/metrics", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE qunfa_send_queue gauge", text);
        Assert.Contains("qunfa_send_queue{otel_scope_name=\"Qunfa\",status=\"queued\"} 0", text);
        Assert.Contains("qunfa_receipt_lag_seconds", text);
        Assert.Contains("process_cpu_time_seconds_total", text);
        Assert.Contains("dotnet_gc_collections_total", text);
    }

    [Fact]
    public async Task Metrics_ForwardedByAProxyOrFromElsewhere_AreRefused()
    {
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using var http = new HttpClient { BaseAddress = app.RootUri };
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };

        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(forwarded, Ct)).StatusCode);
        // The in-memory test server has no remote address: it stands for a caller that is not on this machine.
        await using var remote = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        Assert.Equal(HttpStatusCode.NotFound, (await remote.CreateClient().GetAsync("/metrics", Ct)).StatusCode);
    }

    [Fact]
    public async Task Metrics_WithTheConfiguredToken_AreServedToAnyone()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string> { ["Qunfa:Metrics:Token"] = "scrape-token-0123456789" });
        using var client = app.CreateClient();

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "guess") } };
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(wrong, Ct)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-token-0123456789") } };
        using var response = await client.SendAsync(right, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("qunfa_send_queue", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Readyz_WhenTheDatabaseIsGone_IsUnhealthyWhileHealthzStaysUp(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", Ct)).StatusCode);

        if (db == DatabaseKind.Postgres)
        {
            await using var admin = new Npgsql.NpgsqlConnection(Requirements.Postgres());
            await admin.OpenAsync(Ct);
            var name = new Npgsql.NpgsqlConnectionStringBuilder(app.Database.Settings["ConnectionStrings:Postgres"]).Database;
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(Ct);
        }
        else
        {
            // Moved, not deleted: a worker may be writing a file in it at this moment, and a move cannot race that.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Move(app.Database.DataDirectory, app.Database.DataDirectory + "-gone");
        }

        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Ct)).StatusCode);
        }
        finally
        {
            if (db == DatabaseKind.Sqlite)
                try { Directory.Delete(app.Database.DataDirectory + "-gone", recursive: true); }
                catch (IOException) { /* a worker's file still open; the temp folder is cleaned by the OS */ }
        }
    }
}
