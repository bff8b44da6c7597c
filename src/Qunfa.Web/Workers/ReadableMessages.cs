using Qunfa.Aliyun.Mns;

namespace Qunfa.Web.Workers;

/// <summary>
/// The messages of one receive whose body parses, and the receipt handles of those that do not: unreadable
/// now means unreadable on every later read, so they are deleted rather than left to block the queue.
/// </summary>
public sealed record ReadableMessages<T>(IReadOnlyList<(MnsMessage Message, T Body)> Readable, IReadOnlyList<string> Unreadable)
{
    public static ReadableMessages<T> Parse(IReadOnlyList<MnsMessage> messages, Func<MnsMessage, T> parse, string messageType, ILogger logger)
    {
        var readable = new List<(MnsMessage, T)>(messages.Count);
        var unreadable = new List<string>();
        foreach (var message in messages)
        {
            try
            {
                readable.Add((message, parse(message)));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
            {
                logger.LogWarning("Dropping an unreadable {Type} message {Id}: {Message}", messageType, message.MessageId, e.Message);
                unreadable.Add(message.ReceiptHandle);
            }
        }
        return new(readable, unreadable);
    }
}
