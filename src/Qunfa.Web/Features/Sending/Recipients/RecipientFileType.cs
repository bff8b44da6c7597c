using System.IO.Compression;

namespace Qunfa.Web.Features.Sending.Recipients;

internal enum RecipientFileKind { Text, Xlsx }

/// <summary>Tells the file type by its bytes; the name only has to agree with them.</summary>
internal static class RecipientFileType
{
    internal const long MaxUnpackedBytes = 1024L * 1024 * 1024;
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static RecipientFileKind Detect(Stream stream, string? fileName)
    {
        Span<byte> head = stackalloc byte[8];
        var start = stream.Position;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        head = head[..read];

        if (head.StartsWith(OleMagic)) throw new RecipientFileException(RecipientMessages.OldXls);
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (fileName is not null && extension is not (".txt" or ".csv" or ".xlsx"))
            throw new RecipientFileException(RecipientMessages.WrongFileType);

        var kind = head.StartsWith(ZipMagic) ? CheckXlsx(stream) : RecipientFileKind.Text;
        if (fileName is not null && (kind == RecipientFileKind.Xlsx) != (extension == ".xlsx"))
            throw new RecipientFileException(RecipientMessages.ExtensionMismatch);
        return kind;
    }

    private static RecipientFileKind CheckXlsx(Stream stream)
    {
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var isXlsx = zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal));
            if (!isXlsx) throw new RecipientFileException(RecipientMessages.WrongFileType);
            // A few kilobytes can unpack to gigabytes; the sheet is read as it unpacks, so cap what it may grow to.
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes) throw new RecipientFileException(RecipientMessages.XlsxTooLargeUnpacked);
        }
        catch (InvalidDataException)
        {
            throw new RecipientFileException(RecipientMessages.BrokenXlsx);
        }
        finally
        {
            stream.Position = start;
        }
        return RecipientFileKind.Xlsx;
    }
}
