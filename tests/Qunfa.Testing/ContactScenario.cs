using System.Text;
using System.Text.RegularExpressions;

namespace Qunfa.Testing;

/// <summary>通讯录 driven through its pages: an import previewed and confirmed, as a customer does it.</summary>
public static partial class ContactScenario
{
    public static Task<PageResponse> PreviewImportAsync(PageClient client, string csv, string? groupName = "会员", int? groupId = null, string mode = "Merge")
    {
        var fields = new Dictionary<string, string> { ["Input.Mode"] = mode };
        if (groupId is { } id) fields["Input.GroupId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        else if (groupName is not null) fields["Input.GroupName"] = groupName;
        return client.PostMultipartAsync("/console/contacts/import?handler=Preview", fields, "Input.File", Encoding.UTF8.GetBytes(csv), "contacts.csv", "text/csv",
            formPath: "/console/contacts/import");
    }

    /// <summary>Previews and confirms the import; the id of the group it went into.</summary>
    public static async Task<int> ImportAsync(PageClient client, string csv, string? groupName = "会员", int? groupId = null, string mode = "Merge")
    {
        var preview = await PreviewImportAsync(client, csv, groupName, groupId, mode);
        var fields = new Dictionary<string, string> { ["Input.Mode"] = mode, ["Input.Token"] = Token(preview.Html) };
        if (groupId is { } id) fields["Input.GroupId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        else if (groupName is not null) fields["Input.GroupName"] = groupName;
        var confirmed = await client.PostFormAsync("/console/contacts/import?handler=Confirm", fields, formPath: "/console/contacts/import");
        var match = GroupLocation().Match(confirmed.Location ?? "");
        if (!match.Success) throw new InvalidOperationException($"Import not saved: {confirmed.Status} {confirmed.Html[..Math.Min(3000, confirmed.Html.Length)]}");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The token a preview page carries for its confirmation.</summary>
    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        if (!match.Success) throw new InvalidOperationException("No preview token: " + html[..Math.Min(3000, html.Length)]);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("name=\"Input.Token\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^/console/contacts/group\?id=(\d+)$")]
    private static partial Regex GroupLocation();
}
