namespace Qunfa.Emulators.Mns;

/// <summary>Queue messages are rendered from their source only when received, so enqueueing a large batch stays O(1).</summary>
internal interface IMnsMessageSource
{
    string MessageId(int index);

    string MessageBody(int index);
}

internal sealed class SingleMessageSource(string body) : IMnsMessageSource
{
    private readonly string _id = Guid.NewGuid().ToString("N").ToUpperInvariant();

    public string MessageId(int index) => _id;

    public string MessageBody(int index) => body;
}
