using System.Text.RegularExpressions;

namespace Qunfa.Web.Features.Replies;

/// <summary>The replies that mean "stop sending me promotions", and the instruction a promotion must carry to say so.</summary>
public static partial class OptOutWords
{
    public const string MissingInstructionMessage = "推广短信模板须注明退订方式，例如“拒收请回复R”或“回T退订”";

    // R answers the "拒收请回复R" that Alibaba's promotion rules ask templates to carry.
    private static readonly string[] Words = ["T", "TD", "退订", "N", "R"];

    public static bool Matches(string content)
    {
        var text = content.Trim();
        return Words.Any(w => string.Equals(w, text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether a promotion's text tells the reader how to opt out with one of <see cref="Words"/> ("拒收请回复R", "退订回T", "回TD退订").</summary>
    public static bool HasInstruction(string content) => Instruction().IsMatch(content);

    [GeneratedRegex(@"(拒收|退订)[请]?回复?\s*(R|T|TD|N)(?![A-Za-z])|回复?\s*(R|T|TD|N)\s*(退订|拒收)", RegexOptions.IgnoreCase)]
    private static partial Regex Instruction();
}
