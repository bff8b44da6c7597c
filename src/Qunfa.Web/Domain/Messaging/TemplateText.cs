using System.Text.RegularExpressions;

namespace Qunfa.Web.Domain.Messaging;

/// <summary>Template content with `${name}` variables.</summary>
public static partial class TemplateText
{
    public static IReadOnlyList<string> Variables(string content) =>
        VariablePattern().Matches(content).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>True when every `${` opens a well-formed variable name.</summary>
    public static bool IsWellFormed(string content) =>
        content.Split("${").Length - 1 == VariablePattern().Matches(content).Count && !content.Contains("${}", StringComparison.Ordinal);

    public static string Fill(string content, IReadOnlyDictionary<string, string> values) =>
        VariablePattern().Replace(content, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]{0,31})\}")]
    private static partial Regex VariablePattern();
}
