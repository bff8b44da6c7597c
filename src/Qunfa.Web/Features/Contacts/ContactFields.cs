using System.Text.Json;

namespace Qunfa.Web.Features.Contacts;

/// <summary>A contact's custom fields as stored (one JSON object of name → value) and the 姓名 column taken from them.</summary>
public static class ContactFields
{
    private static readonly string[] NameFields = ["name", "姓名", "名字", "联系人"];

    public static string? Serialize(IReadOnlyDictionary<string, string>? fields) =>
        fields is { Count: > 0 } ? JsonSerializer.Serialize(fields) : null;

    /// <summary>Names compare without case, as the number file's headers do when they fill template variables.</summary>
    public static Dictionary<string, string>? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null
            : new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(json)!, StringComparer.OrdinalIgnoreCase);

    public static string? NameOf(IReadOnlyDictionary<string, string>? fields)
    {
        if (fields is null) return null;
        foreach (var key in NameFields)
            foreach (var (name, value) in fields)
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(value))
                    return value.Length > Domain.Contacts.Contact.MaxNameLength ? value[..Domain.Contacts.Contact.MaxNameLength] : value;
        return null;
    }
}
