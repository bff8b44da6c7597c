namespace Qunfa.Web.Domain.Messaging;

/// <summary>
/// Billing units (条, SPEC §2): content is 【signature】 + text; up to 70 characters is one segment,
/// longer content goes in segments of 67. Characters are Unicode code points, each counting 1.
/// </summary>
public static class Segments
{
    public const int SingleLimit = 70;
    public const int MultiPartSize = 67;
    public const int MaxContentLength = 500;

    public static int Length(string text)
    {
        var length = 0;
        foreach (var _ in text.EnumerateRunes()) length++;
        return length;
    }

    public static string Compose(string signName, string text) => $"【{signName}】{text}";

    /// <summary>Segments for the composed content, or 0 when it is over <see cref="MaxContentLength"/> and must be refused.</summary>
    public static int Count(string composedContent)
    {
        var length = Length(composedContent);
        if (length == 0) return 0;
        if (length > MaxContentLength) return 0;
        return length <= SingleLimit ? 1 : (length + MultiPartSize - 1) / MultiPartSize;
    }
}
