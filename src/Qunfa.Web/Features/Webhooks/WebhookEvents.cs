using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qunfa.Web.Features.Webhooks;

/// <summary>A final delivery result of one of the customer's messages, as posted to its callback.</summary>
public sealed record ReportEvent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("recordId")] long RecordId,
    [property: JsonPropertyName("taskId")] long TaskId,
    [property: JsonPropertyName("phone")] string Phone,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("segments")] int Segments,
    [property: JsonPropertyName("reportedAt")] DateTimeOffset ReportedAt);

/// <summary>A reply from a handset to one of the customer's messages.</summary>
public sealed record ReplyEvent(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("replyId")] long ReplyId,
    [property: JsonPropertyName("phone")] string Phone,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("signName")] string? SignName,
    [property: JsonPropertyName("destCode")] string? DestCode,
    [property: JsonPropertyName("taskId")] long? TaskId,
    [property: JsonPropertyName("optedOut")] bool OptedOut,
    [property: JsonPropertyName("sentAt")] DateTimeOffset? SentAt,
    [property: JsonPropertyName("receivedAt")] DateTimeOffset ReceivedAt);

public static class WebhookEventJson
{
    public const string Report = "report";
    public const string Reply = "reply";

    // Chinese text stays readable in the body the customer verifies.
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(IReadOnlyList<T> events) => JsonSerializer.Serialize(events, Options);
}
