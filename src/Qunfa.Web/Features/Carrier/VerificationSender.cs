using Qunfa.Aliyun.Sms;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Settings;

namespace Qunfa.Web.Features.Carrier;

/// <summary>Sends a verification code with the signature, template and variable that AK 管理 sets for its scene.</summary>
public sealed class VerificationSender(CarrierState carrier, IAliyunSmsClient sms)
{
    public async Task<SubmitResult> SendAsync(CodeScene scene, string phone, string code, CancellationToken ct)
    {
        var current = carrier.Current.IsConfigured ? carrier.Current : await carrier.RefreshAsync(ct);
        var settings = SceneOf(current, scene);
        return await sms.SendSmsAsync(new SendSmsRequest(
            [phone],
            settings.SignName,
            settings.TemplateCode,
            new Dictionary<string, string> { [settings.VariableName] = code }), ct);
    }

    private static VerificationScene SceneOf(CarrierSnapshot carrier, CodeScene scene) => scene switch
    {
        // An invitation is a registration to the invitee; the operator keeps one template for both.
        CodeScene.Register or CodeScene.JoinTeam => carrier.Register,
        CodeScene.ResetPassword => carrier.ResetPassword,
        _ => carrier.ChangePhone,
    };
}
