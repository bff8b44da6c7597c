using Qunfa.Web.Domain.Settings;

namespace Qunfa.Web.Features.Settings;

/// <summary>
/// The demo account of the built-in sandbox carrier: what the wizard's 沙箱 choice fills in for any
/// field the operator leaves empty, matching the emulator's default account and seeded resources.
/// </summary>
public static class SandboxAccount
{
    public const string AccessKeyId = "emulator-ak";
    public const string AccessKeySecret = "emulator-secret";
    public const string SignName = "群发沙箱";
    public const string VariableName = "code";
    public const string RegisterTemplate = "SMS_900000001";
    public const string ResetPasswordTemplate = "SMS_900000002";
    public const string ChangePhoneTemplate = "SMS_900000003";
    public const string ReportQueue = "Alicom-Queue-1234567890-SmsReport";
    public const string InboundQueue = "Alicom-Queue-1234567890-SmsUp";

    public static void FillBlanks(CarrierAccountInput input)
    {
        input.AccessKeyId = Blank(input.AccessKeyId) ? AccessKeyId : input.AccessKeyId;
        input.AccessKeySecret = Blank(input.AccessKeySecret) ? AccessKeySecret : input.AccessKeySecret;
        Fill(input.RegisterScene, RegisterTemplate);
        Fill(input.ResetPasswordScene, ResetPasswordTemplate);
        Fill(input.ChangePhoneScene, ChangePhoneTemplate);
        input.ReportQueueName = Blank(input.ReportQueueName) ? ReportQueue : input.ReportQueueName;
        input.InboundQueueName = Blank(input.InboundQueueName) ? InboundQueue : input.InboundQueueName;
    }

    private static void Fill(SceneInput scene, string template)
    {
        if (Blank(scene.SignName)) scene.SignName = SignName;
        if (Blank(scene.TemplateCode)) scene.TemplateCode = template;
        if (Blank(scene.VariableName)) scene.VariableName = VariableName;
    }

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
}
