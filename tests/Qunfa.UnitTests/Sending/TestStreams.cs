using System.Text;

namespace Qunfa.UnitTests.Sending;

/// <summary>A forward-only stream producing its lines on demand, so huge uploads cost no memory in tests.</summary>
internal sealed class GeneratedStream(long lines, Func<long, string> line) : Stream
{
    private long _next;
    private byte[] _current = [];
    private int _offset;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count)
        {
            if (_offset == _current.Length)
            {
                if (_next == lines) break;
                _current = Encoding.UTF8.GetBytes(line(_next++) + "\n");
                _offset = 0;
            }
            var n = Math.Min(count - written, _current.Length - _offset);
            Array.Copy(_current, _offset, buffer, offset + written, n);
            _offset += n;
            written += n;
        }
        return written;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A seekable stream that only claims a length; reading it would fail the test.</summary>
internal sealed class ClaimedLengthStream(long length) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get; set; }
    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("must not be read");
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => Position = offset;
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
