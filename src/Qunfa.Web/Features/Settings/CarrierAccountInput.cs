using Qunfa.Web.Domain.Settings;

namespace Qunfa.Web.Features.Settings;

/// <summary>What wizard step 3 and AK 管理 → 编辑 submit. A blank secret on edit keeps the stored one.</summary>
public sealed class CarrierAccountInput
{
    public CarrierKind Carrier { get; set; } = CarrierKind.Aliyun;
    public string? AccessKeyId { get; set; }
    public string? AccessKeySecret { get; set; }
    public SceneInput RegisterScene { get; set; } = new();
    public SceneInput ResetPasswordScene { get; set; } = new();
    public SceneInput ChangePhoneScene { get; set; } = new();
    public string? ReportQueueName { get; set; }
    public string? InboundQueueName { get; set; }
    public string? Remark { get; set; }

    public static CarrierAccountInput From(CarrierAccount a) => new()
    {
        Carrier = a.Carrier,
        AccessKeyId = a.AccessKeyId,
        RegisterScene = SceneInput.From(a.RegisterScene),
        ResetPasswordScene = SceneInput.From(a.ResetPasswordScene),
        ChangePhoneScene = SceneInput.From(a.ChangePhoneScene),
        ReportQueueName = a.ReportQueueName,
        InboundQueueName = a.InboundQueueName,
        Remark = a.Remark,
    };
}

public sealed class SceneInput
{
    public string? SignName { get; set; }
    public string? TemplateCode { get; set; }
    public string? VariableName { get; set; }

    public static SceneInput From(VerificationScene s) =>
        new() { SignName = s.SignName, TemplateCode = s.TemplateCode, VariableName = s.VariableName };

    public VerificationScene ToScene() =>
        new() { SignName = SignName!.Trim(), TemplateCode = TemplateCode!.Trim(), VariableName = VariableName!.Trim() };
}
