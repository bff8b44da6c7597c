namespace Qunfa.Web.Domain.Settings;

/// <summary>The secret path token of the URLs Alibaba pushes receipts and replies to; one row, stored protected.</summary>
public sealed class PushEndpointSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string ProtectedToken { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
