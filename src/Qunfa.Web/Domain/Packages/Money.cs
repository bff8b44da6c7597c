using System.Globalization;

namespace Qunfa.Web.Domain.Packages;

/// <summary>
/// Amounts of money as whole fen (long), never floating point: yuan text as people type it
/// ("380", "0.01", "12.5") ↔ fen, and fen ↔ yuan text with two decimals.
/// </summary>
public static class Money
{
    /// <summary>The largest amount read from text: 99,999,999,999.99 yuan, well inside a long.</summary>
    public const int MaxIntegerDigits = 11;

    /// <summary>
    /// Reads yuan text: optional sign, up to <see cref="MaxIntegerDigits"/> digits, optionally a point
    /// and one or two digits. Surrounding spaces are ignored; anything else (more decimals, exponents,
    /// thousands separators, full-width digits) is refused.
    /// </summary>
    public static bool TryParseYuan(string? text, out long fen)
    {
        fen = 0;
        if (text is null) return false;
        var s = text.Trim();
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        var point = s.IndexOf('.');
        var whole = point < 0 ? s : s[..point];
        var fraction = point < 0 ? "" : s[(point + 1)..];
        if (whole.Length is 0 or > MaxIntegerDigits || !AllDigits(whole)) return false;
        if (point >= 0 && (fraction.Length is 0 or > 2 || !AllDigits(fraction))) return false;

        var value = long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture) * 100;
        if (fraction.Length > 0)
            value += int.Parse(fraction.PadRight(2, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        fen = negative ? -value : value;
        return true;
    }

    /// <summary>Fen as yuan with two decimals: 38000 → "380.00", 1 → "0.01", -150 → "-1.50".</summary>
    public static string FormatYuan(long fen)
    {
        var sign = fen < 0 ? "-" : "";
        var abs = fen == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(fen);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 100}.{abs % 100:00}");
    }

    /// <summary>
    /// 单价 (元/条): the price spread over the segments, in exact decimal arithmetic, at least four
    /// decimals and up to eight: 38000 fen / 10000 条 → "0.0380".
    /// </summary>
    public static string UnitPrice(long priceFen, int size)
    {
        if (size <= 0) return "-";
        var yuan = decimal.Round(priceFen / 100m / size, 8, MidpointRounding.AwayFromZero);
        return yuan.ToString("0.0000####", CultureInfo.InvariantCulture);
    }

    private static bool AllDigits(string s)
    {
        foreach (var c in s)
            if (c is < '0' or > '9') return false;
        return true;
    }
}
