using System.Globalization;
using PhoneNumbers;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// One raw number to the form Alibaba takes: mainland mobiles as 11 digits, international (only with an
/// international template) as country code + number without '+' or '00' (e.g. 85291234567). Numbers are
/// kept as <see cref="long"/>; <see cref="ToText"/> gives the string back.
/// </summary>
public static class PhoneNumberRules
{
    private const int MaxDigits = 20;
    private const byte Unknown = 0, Mobile = 1, NotMobile = 2;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // Mainland validity only depends on the number segment (号段, the first 7 digits) for 11-digit numbers
    // starting with 1, so libphonenumber is asked once per segment instead of once per number.
    private static readonly byte[] MainlandSegments = new byte[1_000_000];

    public static string ToText(long number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The normalised number, or null with the reason in <paramref name="error"/>.</summary>
    public static string? Normalize(string raw, bool international, out string? error) =>
        TryNormalize(raw, international, out var number, out error) ? ToText(number) : null;

    public static bool TryNormalize(ReadOnlySpan<char> raw, bool international, out long number, out string? error)
    {
        number = 0;
        Span<char> digits = stackalloc char[MaxDigits];
        if (!ExtractDigits(raw, digits, out var length, out var plus))
        {
            error = RecipientMessages.InvalidFormat;
            return false;
        }
        var d = digits[..length];
        if (!plus && d.StartsWith("00"))
        {
            plus = true;
            d = d[2..];
        }
        var mainland = d.Length == 11 && d[0] == '1' && !plus ? d
            : d.Length == 13 && d.StartsWith("861") ? d[2..]
            : default;
        if (!mainland.IsEmpty) return CheckMainland(ParseLong(mainland), international, out number, out error);
        return CheckWithLibrary(d, plus, international, out number, out error);
    }

    private static bool CheckMainland(long national, bool international, out long number, out string? error)
    {
        number = 0;
        var segment = (int)(national / 10_000 - 1_000_000);
        var kind = MainlandSegments[segment];
        if (kind == Unknown)
        {
            var parsed = new PhoneNumber.Builder().SetCountryCode(86).SetNationalNumber((ulong)national).Build();
            kind = Util.IsValidNumber(parsed) && IsMobile(Util.GetNumberType(parsed)) ? Mobile : NotMobile;
            MainlandSegments[segment] = kind;
        }
        error = kind != Mobile ? RecipientMessages.InvalidFormat
            : international ? RecipientMessages.MainlandOnInternational
            : null;
        if (error is null) number = national;
        return error is null;
    }

    private static bool CheckWithLibrary(ReadOnlySpan<char> digits, bool plus, bool international, out long number, out string? error)
    {
        number = 0;
        PhoneNumber parsed;
        try
        {
            // Without a prefix a domestic list is read as mainland; an international list as country code + number, as Alibaba takes it.
            parsed = plus || international ? Util.Parse("+" + digits.ToString(), null) : Util.Parse(digits.ToString(), "CN");
        }
        catch (NumberParseException)
        {
            error = RecipientMessages.InvalidFormat;
            return false;
        }
        if (!Util.IsValidNumber(parsed)) error = RecipientMessages.InvalidFormat;
        else if (!IsMobile(Util.GetNumberType(parsed))) error = RecipientMessages.NotMobile;
        else if (parsed.CountryCode == 86) return CheckMainland((long)parsed.NationalNumber, international, out number, out error);
        else if (!international) error = RecipientMessages.InternationalNeedsTemplate;
        else error = null;
        if (error is null) number = ParseLong(Util.Format(parsed, PhoneNumberFormat.E164).AsSpan(1));
        return error is null;
    }

    private static bool IsMobile(PhoneNumberType type) => type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;

    /// <summary>Digits only, with spaces, dashes, dots and brackets dropped; letters or a misplaced '+' make the number invalid.</summary>
    private static bool ExtractDigits(ReadOnlySpan<char> raw, Span<char> digits, out int length, out bool plus)
    {
        length = 0;
        plus = false;
        foreach (var c in raw)
        {
            var digit = c is >= '0' and <= '9' ? c : c is >= '０' and <= '９' ? (char)(c - '０' + '0') : '\0';
            if (digit != '\0')
            {
                if (length == digits.Length) return false;
                digits[length++] = digit;
            }
            else if (c is '+' or '＋')
            {
                if (length > 0 || plus) return false;
                plus = true;
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.' or '\t' or '\u00A0' or '\u3000' or '－' or '（' or '）'))
            {
                return false;
            }
        }
        return length > 0;
    }

    private static long ParseLong(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (var c in digits) value = value * 10 + (c - '0');
        return value;
    }
}
