using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// The workbook's shared string table in one growing set of character blocks, not one object per string, and
/// bounded: a few kilobytes of archive can declare millions of strings. A string is kept up to one character
/// over the field limit, so a cell that uses it is refused the way an overlong CSV field is.
/// </summary>
internal sealed class XlsxSharedStrings
{
    public const int MaxCount = 4_000_000;
    public const long MaxCharacters = 64L * 1024 * 1024;
    private const int BlockSize = 1 << 20;

    private readonly List<char[]> _blocks = [];
    // Start in the block sequence (high bits) and length (low 16 bits) of each string.
    private readonly List<long> _entries = [];
    private int _used = BlockSize;

    public static XlsxSharedStrings Read(ZipArchive zip, string? path, CancellationToken ct)
    {
        var table = new XlsxSharedStrings();
        if (path is null || zip.GetEntry(path) is not { } entry) return table;
        using var reader = XlsxParts.OpenXml(entry);
        var text = new StringBuilder();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                if ((table._entries.Count & 1023) == 0) ct.ThrowIfCancellationRequested();
                ReadRichText(reader, text);
                table.Add(text);
                continue;
            }
            reader.Read();
        }
        return table;
    }

    public string this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_entries.Count) throw new RecipientFileException(RecipientMessages.BrokenXlsx);
            var entry = _entries[index];
            var start = entry >> 16;
            return new string(_blocks[(int)(start / BlockSize)], (int)(start % BlockSize), (int)(entry & 0xFFFF));
        }
    }

    /// <summary>
    /// The text of an &lt;si&gt; or &lt;is&gt; element: its &lt;t&gt; runs, without the phonetic guide (&lt;rPh&gt;);
    /// the reader is left after the element. At most one character over the field limit is kept.
    /// </summary>
    public static void ReadRichText(XmlReader reader, StringBuilder text)
    {
        text.Clear();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh") reader.Skip();
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                var run = reader.ReadElementContentAsString();
                text.Append(run.AsSpan(0, Math.Min(run.Length, Math.Max(0, DelimitedTextRows.MaxFieldLength + 1 - text.Length))));
            }
            else reader.Read();
        }
        reader.Read();
    }

    private void Add(StringBuilder text)
    {
        if (_entries.Count >= MaxCount || (long)_blocks.Count * BlockSize > MaxCharacters)
            throw new RecipientFileException(RecipientMessages.XlsxTooLargeUnpacked);
        if (_used + text.Length > BlockSize)
        {
            _blocks.Add(new char[BlockSize]);
            _used = 0;
        }
        var block = _blocks[^1];
        text.CopyTo(0, block.AsSpan(_used), text.Length);
        _entries.Add(((long)(_blocks.Count - 1) * BlockSize + _used) << 16 | (uint)text.Length);
        _used += text.Length;
    }
}
