namespace Qunfa.Emulators.Sms;

internal enum NumberKind
{
    Illegal,
    Mainland,
    International,
}

internal static class PhoneNumbers
{
    public static NumberKind Normalize(string raw, out string normalized)
    {
        var kind = Normalize(raw.AsSpan(), out var span);
        normalized = span.Length == raw.Length ? raw : new string(span);
        return kind;
    }

    /// <summary>Strips +86 / 0086 / 86 / + / 00 prefixes without allocating; the result is a slice of the input.</summary>
    public static NumberKind Normalize(ReadOnlySpan<char> raw, out ReadOnlySpan<char> normalized)
    {
        var s = raw.Trim();
        normalized = s;
        if (s.IsEmpty)
        {
            return NumberKind.Illegal;
        }
        var prefixed = false;
        if (s[0] == '+')
        {
            s = s[1..];
            prefixed = true;
        }
        else if (s.StartsWith("00"))
        {
            s = s[2..];
            prefixed = true;
        }
        if (s.IsEmpty || s.ContainsAnyExceptInRange('0', '9'))
        {
            return NumberKind.Illegal;
        }
        var hadChinaPrefix = false;
        if (s.Length == 13 && s.StartsWith("86"))
        {
            s = s[2..];
            hadChinaPrefix = true;
        }
        if (s.Length == 11 && s[0] == '1' && (!prefixed || hadChinaPrefix))
        {
            if (s[1] is < '3' or > '9')
            {
                return NumberKind.Illegal;
            }
            normalized = s;
            return NumberKind.Mainland;
        }
        if (hadChinaPrefix || s.StartsWith("86") || s[0] == '0' || s.Length is < 8 or > 15)
        {
            return NumberKind.Illegal;
        }
        normalized = s;
        return NumberKind.International;
    }
}
