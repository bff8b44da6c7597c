using System.Text;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// UTF-8 (with or without BOM) when the whole file decodes strictly as UTF-8, else GB18030 (a superset of
/// the GBK that Excel in China writes); UTF-16 only with its BOM, as Excel's "Unicode text" has.
/// </summary>
internal static class TextEncodingDetector
{
    private const int GB18030CodePage = 54936;

    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Detect(Stream stream, CancellationToken ct)
    {
        var start = stream.Position;
        try
        {
            Span<byte> bom = stackalloc byte[2];
            var read = stream.ReadAtLeast(bom, 2, throwOnEndOfStream: false);
            if (read == 2 && bom[0] == 0xFF && bom[1] == 0xFE) return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
            if (read == 2 && bom[0] == 0xFE && bom[1] == 0xFF) return new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
            stream.Position = start;
            return IsStrictUtf8WithoutNul(stream, ct)
                ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true)
                : Encoding.GetEncoding(GB18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static bool IsStrictUtf8WithoutNul(Stream stream, CancellationToken ct)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[65536];
        var chars = new char[bytes.Length + 4];
        var valid = true;
        int read;
        while ((read = stream.Read(bytes)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            if (bytes.AsSpan(0, read).Contains((byte)0)) throw new RecipientFileException(RecipientMessages.NotText);
            if (!valid) continue;
            try
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            catch (DecoderFallbackException)
            {
                valid = false;
            }
        }
        if (!valid) return false;
        try
        {
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
