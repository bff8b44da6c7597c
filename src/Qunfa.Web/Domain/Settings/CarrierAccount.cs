namespace Qunfa.Web.Domain.Settings;

/// <summary>The operator's Alibaba Cloud account (AK 管理). The secret is stored protected, never in clear.</summary>
public sealed class CarrierAccount
{
    public int Id { get; set; }
    public CarrierKind Carrier { get; set; }
    public string AccessKeyId { get; set; } = "";
    public string ProtectedAccessKeySecret { get; set; } = "";
    public VerificationScene RegisterScene { get; set; } = new();
    public VerificationScene ResetPasswordScene { get; set; } = new();
    public VerificationScene ChangePhoneScene { get; set; } = new();
    public string ReportQueueName { get; set; } = "";
    public string InboundQueueName { get; set; } = "";
    public string? Remark { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
