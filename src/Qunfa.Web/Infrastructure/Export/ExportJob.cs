namespace Qunfa.Web.Infrastructure.Export;

public enum ExportJobState
{
    Running,
    Done,
    Failed,
}

/// <summary>One background export: whose it is, how far it got, and the file once written.</summary>
public sealed class ExportJob(string id, string owner, string fileName, TableFormat format, long total, string path, DateTimeOffset createdAt)
{
    private long _written;
    private int _state;

    public string Id => id;
    public string Owner => owner;
    public string FileName => fileName;
    public TableFormat Format => format;
    public long Total => total;
    public string Path => path;
    public DateTimeOffset CreatedAt => createdAt;
    public DateTimeOffset? FinishedAt { get; private set; }
    public long Written => Interlocked.Read(ref _written);
    public ExportJobState State => (ExportJobState)Volatile.Read(ref _state);

    /// <summary>0–100; a count that moved since the total was taken never shows more than 99 before the end.</summary>
    public int Percent => State == ExportJobState.Done ? 100
        : Total <= 0 ? 0
        : (int)Math.Min(99, Written * 100 / Total);

    internal void Advance() => Interlocked.Increment(ref _written);

    internal void Finish(ExportJobState state, DateTimeOffset at)
    {
        FinishedAt = at;
        Volatile.Write(ref _state, (int)state);
    }
}
