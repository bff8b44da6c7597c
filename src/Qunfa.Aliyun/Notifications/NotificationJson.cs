using System.Text.Json;

namespace Qunfa.Aliyun.Notifications;

/// <summary>MNS bodies carry one JSON object; HTTP push posts a JSON array. Both shapes are accepted everywhere.</summary>
internal static class NotificationJson
{
    public static IReadOnlyList<T> ParseMany<T>(string json, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(read).ToList(),
            JsonValueKind.Object => [read(root)],
            _ => throw new FormatException($"Expected a JSON object or array, got {root.ValueKind}."),
        };
    }

    public static T ParseOne<T>(string json, Func<JsonElement, T> read) =>
        ParseMany(json, read) is [var single] ? single : throw new FormatException("Expected exactly one notification.");
}
