namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// The upload as a seekable stream within the size limit: type and encoding detection look at the bytes
/// before parsing. A forward-only stream is spooled to a temporary file, never to memory.
/// </summary>
internal sealed class SeekableSource : IDisposable
{
    private readonly FileStream? _spool;

    private SeekableSource(Stream stream, FileStream? spool)
    {
        Stream = stream;
        _spool = spool;
    }

    public Stream Stream { get; }

    public static SeekableSource Open(Stream content, long maxBytes, CancellationToken ct)
    {
        if (content.CanSeek)
        {
            if (content.Length - content.Position > maxBytes) throw new RecipientFileException(RecipientMessages.FileTooLarge);
            return new SeekableSource(content, null);
        }
        var path = Path.Combine(Path.GetTempPath(), "qunfa-recipients-" + Guid.NewGuid().ToString("N"));
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                if (spool.Length + read > maxBytes) throw new RecipientFileException(RecipientMessages.FileTooLarge);
                spool.Write(buffer, 0, read);
            }
            spool.Position = 0;
            return new SeekableSource(spool, spool);
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    public void Dispose() => _spool?.Dispose();
}
