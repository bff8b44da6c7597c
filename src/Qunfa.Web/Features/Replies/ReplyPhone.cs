using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Web.Features.Replies;

/// <summary>A number as the carrier or a customer writes it, in the form send records keep (11 digits for the mainland).</summary>
public static class ReplyPhone
{
    public static string Normalize(string raw) =>
        PhoneNumberRules.Normalize(raw, international: false, out _)
        ?? PhoneNumberRules.Normalize(raw, international: true, out _)
        ?? raw.Trim();
}
