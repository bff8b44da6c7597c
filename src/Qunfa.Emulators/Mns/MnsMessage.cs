using System.Security.Cryptography;
using System.Text;

namespace Qunfa.Emulators.Mns;

internal sealed class MnsMessage(IMnsMessageSource source, int index, long enqueueTimeMs)
{
    private string? _body;
    private string? _md5;

    public string Id { get; } = source.MessageId(index);

    public long EnqueueTimeMs { get; } = enqueueTimeMs;

    public long FirstDequeueTimeMs { get; set; }

    public int DequeueCount { get; set; }

    public long NextVisibleTimeMs { get; set; }

    public string? ReceiptHandle { get; set; }

    public bool Deleted { get; set; }

    /// <summary>Alicom queues carry the JSON as Base64 of its UTF-8 bytes.</summary>
    public string Body => _body ??= Convert.ToBase64String(Encoding.UTF8.GetBytes(source.MessageBody(index)));

    public string BodyMd5 => _md5 ??= Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(Body)));

    /// <summary>
    /// A deleted message stays in the in-flight heap until its visibility timeout passes; what it rendered is
    /// dropped now, or a fast consumer would keep tens of seconds of message bodies alive.
    /// </summary>
    public void MarkDeleted()
    {
        Deleted = true;
        ReceiptHandle = null;
        _body = null;
        _md5 = null;
    }

    public ReceivedMessage Snapshot() =>
        new(Id, ReceiptHandle!, BodyMd5, Body, EnqueueTimeMs, NextVisibleTimeMs, FirstDequeueTimeMs, DequeueCount);
}

internal sealed record ReceivedMessage(
    string MessageId, string ReceiptHandle, string BodyMd5, string Body,
    long EnqueueTimeMs, long NextVisibleTimeMs, long FirstDequeueTimeMs, int DequeueCount);
