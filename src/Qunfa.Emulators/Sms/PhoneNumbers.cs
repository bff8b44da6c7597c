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
        var s = raw.Trim();
        normalized = s;
        if (s.Length == 0)
        {
            return NumberKind.Illegal;
        }
        var hadChinaPrefix = false;
        var prefixed = s.StartsWith('+') || s.StartsWith("00", StringComparison.Ordinal);
        if (s.StartsWith('+'))
        {
            s = s[1..];
        }
        else if (s.StartsWith("00", StringComparison.Ordinal))
        {
            s = s[2..];
        }
        if (!AllDigits(s))
        {
            return NumberKind.Illegal;
        }
        if (s.Length == 13 && s.StartsWith("86", StringComparison.Ordinal))
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
        if (hadChinaPrefix || s.StartsWith("86", StringComparison.Ordinal) || s[0] == '0' || s.Length is < 8 or > 15)
        {
            return NumberKind.Illegal;
        }
        normalized = s;
        return NumberKind.International;
    }

    private static bool AllDigits(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
