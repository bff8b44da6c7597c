using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.Web.Infrastructure.Cluster;

/// <summary>
/// Lets a periodic job run on one node of the cluster at a time (docs/decisions/0010). On PostgreSQL a
/// session advisory lock is taken on a connection of its own, held while the job runs (carrier calls
/// included, which is why it is not the job's pooled context) and released after; a node that dies loses
/// its session and so its lock. SQLite is one node, so the job simply runs.
/// </summary>
public sealed class ClusterLock(StartupSettings settings, ILogger<ClusterLock> logger)
{
    /// <summary>Runs <paramref name="work"/> unless another node is running the same job; false when it was skipped.</summary>
    public async Task<bool> RunAloneAsync(string job, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        if (settings.Database.Provider != DatabaseProvider.Postgres)
        {
            await work(ct);
            return true;
        }
        await using var connection = new NpgsqlConnection(settings.DatabaseConnectionString);
        await connection.OpenAsync(ct);
        var key = KeyOf(job);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } })
            if (await take.ExecuteScalarAsync(ct) is not true) return false;
        try
        {
            await work(ct);
            return true;
        }
        finally
        {
            await ReleaseAsync(connection, key, job);
        }
    }

    /// <summary>A stable 64-bit key per job name, the same on every node and every version.</summary>
    public static long KeyOf(string job) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("qunfa.job." + job)), 0);

    private async Task ReleaseAsync(NpgsqlConnection connection, long key, string job)
    {
        try
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = key } } };
            await release.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The session is gone (database restarted, connection cut) and its lock with it.
            logger.LogInformation("Lock of job {Job} went with its connection: {Message}", job, e.Message);
        }
    }
}
