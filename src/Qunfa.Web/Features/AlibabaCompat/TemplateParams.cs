using System.Text.Json;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>TemplateParam / TemplateParamJson / PhoneNumberJson as Alibaba reads them: JSON with string values only.</summary>
public static class TemplateParams
{
    /// <summary>The values of a JSON object, or null when the text is not an object of strings. Empty text is no values.</summary>
    public static bool TryParseObject(string? text, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return true;
        try
        {
            using var document = JsonDocument.Parse(text);
            return TryRead(document.RootElement, values);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static bool TryParseObjects(string? text, out List<Dictionary<string, string>> items)
    {
        items = [];
        try
        {
            using var document = JsonDocument.Parse(text ?? "");
            if (document.RootElement.ValueKind != JsonValueKind.Array) return false;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                if (!TryRead(element, values)) return false;
                items.Add(values);
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static bool TryParseStrings(string? text, out List<string> items)
    {
        items = [];
        try
        {
            using var document = JsonDocument.Parse(text ?? "");
            if (document.RootElement.ValueKind != JsonValueKind.Array) return false;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String) return false;
                items.Add(element.GetString()!);
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryRead(JsonElement element, Dictionary<string, string> values)
    {
        if (element.ValueKind != JsonValueKind.Object) return false;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String) return false;
            values[property.Name] = property.Value.GetString()!;
        }
        return true;
    }
}
