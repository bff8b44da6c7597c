namespace Qunfa.Web.Domain.Api;

/// <summary>A send task submitted with an API key, with the caller's own OutId that QuerySendDetails gives back.</summary>
public sealed class ApiSend
{
    public const int MaxOutIdLength = 256;

    public long TaskId { get; set; }
    public int ApiKeyId { get; set; }
    public string? OutId { get; set; }
}
