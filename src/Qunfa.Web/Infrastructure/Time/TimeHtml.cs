using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Qunfa.Web.Infrastructure.Time;

public static class TimeHtml
{
    /// <summary>
    /// A time for a narrow column of a many-column table: it may wrap between its date and its time of day, never inside
    /// either (Chromium would otherwise break a date after its hyphens).
    /// </summary>
    public static IHtmlContent FormatWrapping(this OperatorClock clock, DateTimeOffset? utc)
    {
        var text = clock.Format(utc);
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0) return new HtmlString(HtmlEncoder.Default.Encode(text));
        return new HtmlString($"<span class=\"text-nowrap\">{HtmlEncoder.Default.Encode(text[..space])}</span> <span class=\"text-nowrap\">{HtmlEncoder.Default.Encode(text[(space + 1)..])}</span>");
    }
}
