namespace Qunfa.Web.Infrastructure.Export;

/// <summary>Text for an exported cell: what a spreadsheet would evaluate (= + - @, tab, CR first) becomes literal text.</summary>
public static class SpreadsheetCell
{
    public static string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
