namespace Qunfa.Web.Features.Replies;

/// <summary>The replies that mean "stop sending me promotions".</summary>
public static class OptOutWords
{
    private static readonly string[] Words = ["T", "TD", "退订", "N"];

    public static bool Matches(string content)
    {
        var text = content.Trim();
        return Words.Any(w => string.Equals(w, text, StringComparison.OrdinalIgnoreCase));
    }
}
