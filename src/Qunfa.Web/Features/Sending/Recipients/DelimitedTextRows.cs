using System.Buffers;
using System.Globalization;
using System.Text;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// A streaming RFC 4180 reader for TXT and CSV: comma or tab separated, quoted fields with "" escapes and
/// line breaks. A broken quote refuses the file with its line number. Fields past
/// <see cref="RecipientReader.MaxColumns"/> are dropped, so a line of ten million commas is one short row.
/// </summary>
internal static class DelimitedTextRows
{
    public const int MaxFieldLength = 4096;

    private enum State { FieldStart, Unquoted, Quoted, AfterQuote }

    // Everything the state machine must look at; runs of other characters are copied in one go.
    private static readonly SearchValues<char> Special = SearchValues.Create(
        ",\"" + string.Concat(Enumerable.Range(0, 32).Select(c => (char)c)));

    public static IEnumerable<RawRow> Read(Stream stream, CancellationToken ct)
    {
        var encoding = TextEncodingDetector.Detect(stream, ct);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
        var buffer = new char[65536];
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = State.FieldStart;
        var line = 1;
        var rowLine = 1;
        var afterCr = false;
        int count;
        while ((count = Fill(reader, buffer)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < count; i++)
            {
                if (state is State.FieldStart or State.Unquoted or State.Quoted && !afterCr)
                {
                    var run = buffer.AsSpan(i, count - i);
                    var plain = run.IndexOfAny(Special);
                    if (plain < 0) plain = run.Length;
                    if (plain > 0)
                    {
                        Append(field, run[..plain], rowLine);
                        if (state == State.FieldStart) state = State.Unquoted;
                        i += plain - 1;
                        continue;
                    }
                }
                var c = buffer[i];
                if (afterCr && c == '\n')
                {
                    afterCr = false;
                    continue;
                }
                afterCr = c == '\r';
                var newline = c is '\r' or '\n';
                if (c < ' ' && !newline && c is not ('\t' or '\f' or '\v' or '\x1A')) throw new RecipientFileException(RecipientMessages.NotText);
                switch (state)
                {
                    case State.Quoted:
                        if (c == '"') state = State.AfterQuote;
                        else Append(field, newline ? '\n' : c, rowLine);
                        if (newline) line++;
                        continue;
                    case State.AfterQuote when c == '"':
                        Append(field, c, rowLine);
                        state = State.Quoted;
                        continue;
                    case State.AfterQuote when !newline && !IsDelimiter(c) && c != ' ':
                        throw new RecipientFileException(Format(RecipientMessages.CsvBadQuote, line));
                    case State.AfterQuote when c == ' ':
                        continue;
                    case State.FieldStart when c == '"':
                        state = State.Quoted;
                        continue;
                    case State.Unquoted when c == '"' && string.IsNullOrWhiteSpace(field.ToString()):
                        field.Clear();
                        state = State.Quoted;
                        continue;
                    case State.Unquoted when c == '"':
                        throw new RecipientFileException(Format(RecipientMessages.CsvBadQuote, line));
                }
                if (IsDelimiter(c))
                {
                    AddField(fields, field);
                    state = State.FieldStart;
                }
                else if (newline)
                {
                    AddField(fields, field);
                    if (fields.Exists(f => f.Length > 0)) yield return new RawRow(rowLine, [.. fields]);
                    fields.Clear();
                    state = State.FieldStart;
                    rowLine = ++line;
                }
                else
                {
                    Append(field, c, rowLine);
                    state = State.Unquoted;
                }
            }
        }
        if (state == State.Quoted) throw new RecipientFileException(Format(RecipientMessages.CsvUnclosedQuote, rowLine));
        AddField(fields, field);
        if (fields.Exists(f => f.Length > 0)) yield return new RawRow(rowLine, [.. fields]);
    }

    private static bool IsDelimiter(char c) => c is ',' or '\t';

    private static void Append(StringBuilder field, char c, int line)
    {
        if (field.Length >= MaxFieldLength) throw new RecipientFileException(Format(RecipientMessages.FieldTooLong, line));
        field.Append(c);
    }

    private static void Append(StringBuilder field, ReadOnlySpan<char> run, int line)
    {
        if (field.Length + run.Length > MaxFieldLength) throw new RecipientFileException(Format(RecipientMessages.FieldTooLong, line));
        field.Append(run);
    }

    private static void AddField(List<string> fields, StringBuilder field)
    {
        var value = Take(field);
        if (fields.Count < RecipientReader.MaxColumns) fields.Add(value);
    }

    private static string Take(StringBuilder field)
    {
        var value = field.ToString().Trim();
        field.Clear();
        return value;
    }

    private static int Fill(TextReader reader, char[] buffer)
    {
        try
        {
            return reader.Read(buffer, 0, buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new RecipientFileException(RecipientMessages.UnknownEncoding);
        }
    }

    internal static string Format(string message, int line) => string.Format(CultureInfo.InvariantCulture, message, line);
}
