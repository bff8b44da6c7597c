using System.Globalization;

namespace Qunfa.Alipay.Common;

/// <summary>Money is carried as fen (long) everywhere; yuan strings exist only on the wire.</summary>
public static class AlipayMoney
{
    public const long MinFen = 1;
    public const long MaxFen = 100_000_000_00;

    public static string FormatYuan(long fen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fen);
        return string.Create(CultureInfo.InvariantCulture, $"{fen / 100}.{fen % 100:00}");
    }

    /// <summary>Parses "12", "12.3" or "12.34" exactly; anything else (signs, exponents, a third decimal) fails.</summary>
    public static bool TryParseFen(string? yuan, out long fen)
    {
        fen = 0;
        if (string.IsNullOrEmpty(yuan) || yuan.Length > 20)
        {
            return false;
        }

        var dot = yuan.IndexOf('.');
        var whole = dot < 0 ? yuan : yuan[..dot];
        var fraction = dot < 0 ? string.Empty : yuan[(dot + 1)..];
        if (whole.Length == 0 || whole.Length > 15 || fraction.Length > 2 || (dot >= 0 && fraction.Length == 0)
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        fen = (long.Parse(whole, CultureInfo.InvariantCulture) * 100) + (fraction.Length switch
        {
            0 => 0,
            1 => (fraction[0] - '0') * 10,
            _ => ((fraction[0] - '0') * 10) + (fraction[1] - '0'),
        });
        return true;
    }
}
