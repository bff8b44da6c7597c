using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Qunfa.Web.Infrastructure.Export;

/// <summary>
/// Large exports run here, off the request: the rows are read in a scope of their own and written to a file in this
/// process's folder while <see cref="ExportJob.Written"/> counts them. Jobs live in memory (a restart drops them and
/// their folder); a file is deleted once downloaded or when it expires, and only its owner can see or fetch it.
/// </summary>
public sealed class ExportJobs(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider time, IOptions<ExportOptions> options, ILogger<ExportJobs> log)
{
    private readonly ConcurrentDictionary<string, ExportJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>Where this process writes; every process has its own so that hosts sharing a machine never touch each other's files.</summary>
    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qunfa-exports", Guid.NewGuid().ToString("N"));

    public int Threshold => options.Value.BackgroundThreshold;

    /// <summary>The owner's export still being written, if any (one at a time each).</summary>
    public ExportJob? Running(string owner) =>
        _jobs.Values.FirstOrDefault(j => j.Owner == owner && j.State == ExportJobState.Running);

    public ExportJob? Find(string? id, string owner) =>
        id is not null && _jobs.TryGetValue(id, out var job) && job.Owner == owner ? job : null;

    /// <summary>Starts writing <paramref name="rows"/> (made from the job's own scope) and returns at once.</summary>
    public ExportJob Start(string owner, string fileName, TableFormat format, string sheetName, long total,
        Func<IServiceProvider, IEnumerable<IDictionary<string, object?>>> rows)
    {
        Directory.CreateDirectory(Folder);
        var id = Guid.NewGuid().ToString("N");
        var job = new ExportJob(id, owner, fileName, format, total, System.IO.Path.Combine(Folder, id + TableFile.Extension(format)), time.GetUtcNow());
        _jobs[id] = job;
        _ = Task.Run(() => Run(job, sheetName, rows));
        return job;
    }

    /// <summary>The finished file, open; it is deleted when the stream is closed and the job is forgotten.</summary>
    public Stream? Take(string? id, string owner)
    {
        if (Find(id, owner) is not { State: ExportJobState.Done } job || !_jobs.TryRemove(job.Id, out _)) return null;
        try
        {
            return new FileStream(job.Path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Forgets finished jobs older than the expiry and deletes their files.</summary>
    public void Sweep()
    {
        var cutoff = time.GetUtcNow() - options.Value.Expiry;
        foreach (var job in _jobs.Values)
            if (job.FinishedAt is { } at && at < cutoff && _jobs.TryRemove(job.Id, out _))
                Delete(job.Path);
    }

    /// <summary>Removes this process's folder (at shutdown) and those other processes left behind a day ago or more.</summary>
    public void Clear()
    {
        _jobs.Clear();
        var root = System.IO.Path.GetDirectoryName(Folder)!;
        if (!Directory.Exists(root)) return;
        foreach (var dir in Directory.EnumerateDirectories(root))
        {
            if (dir != Folder && Directory.GetLastWriteTimeUtc(dir) > DateTime.UtcNow.AddDays(-1)) continue;
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException e)
            {
                log.LogWarning(e, "Could not remove the export folder {Folder}", dir);
            }
        }
    }

    private void Run(ExportJob job, string sheetName, Func<IServiceProvider, IEnumerable<IDictionary<string, object?>>> rows)
    {
        var ct = lifetime.ApplicationStopping;
        try
        {
            using var scope = scopes.CreateScope();
            using (var file = new FileStream(job.Path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024))
                TableFile.Write(file, Counted(rows(scope.ServiceProvider), job, ct), job.Format, sheetName);
            job.Finish(ExportJobState.Done, time.GetUtcNow());
        }
        catch (Exception e)
        {
            // Stopping the host drops its exports (and their folder); anything else is worth a look.
            if (!ct.IsCancellationRequested) log.LogError(e, "Export {Job} failed", job.Id);
            job.Finish(ExportJobState.Failed, time.GetUtcNow());
            Delete(job.Path);
        }
    }

    private static IEnumerable<IDictionary<string, object?>> Counted(IEnumerable<IDictionary<string, object?>> rows, ExportJob job, CancellationToken ct)
    {
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            job.Advance();
            yield return row;
        }
    }

    private void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            log.LogWarning(e, "Could not delete the export file {Path}", path);
        }
    }
}
