using System.Globalization;

namespace Qunfa.Web.Features.Packages;

/// <summary>Whole numbers typed into the package forms, read here so each field gets its own message.</summary>
internal static class NumberText
{
    public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    public static bool TryInt(string? text, int min, int max, out int value)
    {
        value = 0;
        return text is not null
            && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
