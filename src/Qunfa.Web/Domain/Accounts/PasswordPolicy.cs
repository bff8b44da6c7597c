namespace Qunfa.Web.Domain.Accounts;

/// <summary>
/// The manual's rules: 6–18 characters; only digits, letters and special characters; at least two
/// of digits, letters and punctuation. Each broken rule has its own message.
/// </summary>
public static class PasswordPolicy
{
    public const string LengthMessage = "密码长度需在6-18个字符之间";
    public const string CharactersMessage = "密码只能包含数字、字母、特殊字符";
    public const string VarietyMessage = "密码需包含数字、字母、标点符号中的至少两种";
    public const string ConfirmationMessage = "两次输入的密码不一致";

    public static IReadOnlyList<string> Check(string? password)
    {
        var problems = new List<string>();
        password ??= "";
        if (password.Length is < 6 or > 18) problems.Add(LengthMessage);
        if (!password.All(IsAllowed)) problems.Add(CharactersMessage);
        var kinds = (password.Any(char.IsAsciiDigit) ? 1 : 0)
                  + (password.Any(char.IsAsciiLetter) ? 1 : 0)
                  + (password.Any(IsSpecial) ? 1 : 0);
        if (kinds < 2) problems.Add(VarietyMessage);
        return problems;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || IsSpecial(c);

    // Printable ASCII other than letters, digits and space.
    private static bool IsSpecial(char c) => c is > ' ' and <= '~' && !char.IsAsciiLetterOrDigit(c);
}
