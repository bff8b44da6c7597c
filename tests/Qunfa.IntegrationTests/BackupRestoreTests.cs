using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Qunfa.Emulators;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.IntegrationTests;

/// <summary>docs/operations.md's backup and restore, done: pg_dump, pg_restore into a fresh database, the platform on it.</summary>
public sealed class BackupRestoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DumpRestoredIntoAFreshDatabase_RunsThePlatformWithItsDataAndKeys()
    {
        await using var carrier = await EmulatorHost.StartAsync(ct: Ct);
        Qunfa.Web.Features.Carrier.SandboxCarrier.SeedDemoAccount(carrier.State);
        await using var original = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        string secret;
        long taskId;
        await using (var app = QunfaApp.StartOn(original, carrier, SendingScenario.Settings(null)))
        {
            var s = await SendingScenario.PrepareAsync(app, balance: 10);
            carrier.State.SeedTemplate(SendingScenario.TemplateCode, SendingScenario.Content, templateType: 1);
            var (accepted, _) = await SendingScenario.SendAsync(s, "13912345678");
            taskId = accepted!.TaskId;
            await SendingScenario.WaitForCompletionAsync(app, taskId);
            secret = app.Services.GetRequiredService<SecretProtector>().Protect("kept-secret");
        }

        var dump = Path.Combine(original.DataDirectory, "qunfa.dump");
        await PgAsync("pg_dump", $"--format=custom --file={dump} {Name(original)}");
        // A fresh database on a fresh machine: nothing of the old data directory comes along.
        await using var restored = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await PgAsync("pg_restore", $"--no-owner --exit-on-error --dbname={Name(restored)} {dump}");

        await using var back = QunfaApp.StartOn(restored, carrier);
        using var client = back.CreatePageClient();
        await SetupScenario.LoginAsync(client);
        Assert.Equal("kept-secret", back.Services.GetRequiredService<SecretProtector>().Unprotect(secret));
        var task = await back.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == taskId, Ct));
        Assert.Equal(1, task.DeliveredCount);
        Assert.Equal(1, await back.WithDbAsync(d => d.Customers.CountAsync(Ct)));
    }

    private static string Name(TestDatabase database) =>
        new NpgsqlConnectionStringBuilder(database.Settings["ConnectionStrings:Postgres"]).Database!;

    private static async Task PgAsync(string tool, string arguments)
    {
        var server = new NpgsqlConnectionStringBuilder(Requirements.Postgres());
        var info = new ProcessStartInfo(tool, $"--host={server.Host} --port={server.Port} --username={server.Username} {arguments}")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PGPASSWORD"] = server.Password ?? "";
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception) when (!Requirements.InCi)
        {
            Assert.Skip($"{tool} is not installed here (apt-get install postgresql-client).");
            return;
        }
        using (process)
        {
            var errors = await process.StandardError.ReadToEndAsync(Ct);
            await process.WaitForExitAsync(Ct);
            Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {errors}");
        }
    }
}
