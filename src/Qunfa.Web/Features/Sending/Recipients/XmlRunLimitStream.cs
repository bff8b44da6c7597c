namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// A part of a workbook as it unpacks, refused once it grows past the unpacked limit (whatever the archive's
/// headers claim) or once a run between '&lt;' and '&gt;' grows past <see cref="MaxRun"/>. XmlReader holds a whole
/// name, attribute or text node in memory, so without this a single attribute could take gigabytes.
/// </summary>
internal sealed class XmlRunLimitStream(Stream inner, long maxBytes) : Stream
{
    // Far above anything Excel writes: a cell holds at most 32,767 characters.
    public const int MaxRun = 1024 * 1024;

    private long _total;
    private long _run;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Check(buffer[..read]);
        return read;
    }

    private void Check(ReadOnlySpan<byte> bytes)
    {
        _total += bytes.Length;
        if (_total > maxBytes) throw new RecipientFileException(RecipientMessages.XlsxTooLargeUnpacked);
        int next;
        while ((next = bytes.IndexOfAny((byte)'<', (byte)'>')) >= 0)
        {
            if (_run + next > MaxRun) throw new RecipientFileException(RecipientMessages.BrokenXlsx);
            _run = 0;
            bytes = bytes[(next + 1)..];
        }
        _run += bytes.Length;
        if (_run > MaxRun) throw new RecipientFileException(RecipientMessages.BrokenXlsx);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
