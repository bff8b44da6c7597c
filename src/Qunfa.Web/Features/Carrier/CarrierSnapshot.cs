using Qunfa.Aliyun.Configuration;
using Qunfa.Web.Domain.Settings;

namespace Qunfa.Web.Features.Carrier;

/// <summary>The operator's carrier as last read from the database, secrets decrypted, in memory only.</summary>
public sealed record CarrierSnapshot(
    CarrierKind Kind,
    AliyunCredentials Credentials,
    VerificationScene Register,
    VerificationScene ResetPassword,
    VerificationScene ChangePhone,
    string ReportQueueName,
    string InboundQueueName,
    Uri? SandboxBaseAddress)
{
    public static readonly CarrierSnapshot None = new(CarrierKind.Aliyun, new AliyunCredentials("", ""), new(), new(), new(), "", "", null);

    public bool IsConfigured => Credentials.AccessKeyId.Length > 0;
}
