using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Settings;

/// <summary>Reads and saves the operator's carrier account (AK 管理); used by wizard step 3 and the admin page.</summary>
public sealed partial class CarrierAccountService(QunfaDbContext db, SecretProtector secrets, TimeProvider time)
{
    public Task<CarrierAccount?> GetAsync(CancellationToken ct) =>
        db.CarrierAccounts.OrderBy(a => a.Id).FirstOrDefaultAsync(ct);

    public Task<List<CarrierAccount>> ListAsync(CancellationToken ct) =>
        db.CarrierAccounts.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>Validates and stages the change; the caller saves it together with its log entry.</summary>
    public async Task<Outcome> StageAsync(CarrierAccountInput input, CancellationToken ct)
    {
        if (input.Carrier == CarrierKind.Sandbox)
            SandboxAccount.FillBlanks(input);

        var existing = await GetAsync(ct);
        var outcome = Validate(input, secretRequired: existing is null || existing.ProtectedAccessKeySecret.Length == 0);
        if (!outcome.Succeeded) return outcome;

        var account = existing ?? db.CarrierAccounts.Add(new CarrierAccount()).Entity;
        account.Carrier = input.Carrier;
        account.AccessKeyId = input.AccessKeyId!.Trim();
        if (!string.IsNullOrWhiteSpace(input.AccessKeySecret))
            account.ProtectedAccessKeySecret = secrets.Protect(input.AccessKeySecret.Trim());
        account.RegisterScene = input.RegisterScene.ToScene();
        account.ResetPasswordScene = input.ResetPasswordScene.ToScene();
        account.ChangePhoneScene = input.ChangePhoneScene.ToScene();
        account.ReportQueueName = input.ReportQueueName!.Trim();
        account.InboundQueueName = input.InboundQueueName!.Trim();
        account.Remark = string.IsNullOrWhiteSpace(input.Remark) ? null : input.Remark.Trim();
        account.UpdatedAt = time.GetUtcNow();
        return outcome;
    }

    private static Outcome Validate(CarrierAccountInput input, bool secretRequired)
    {
        var o = new Outcome();
        if (!Enum.IsDefined(input.Carrier)) o.Add(nameof(input.Carrier), "请选择短信通道");
        o.Require(nameof(input.AccessKeyId), input.AccessKeyId, "请填写阿里云账号AccessKey");
        if (!string.IsNullOrWhiteSpace(input.AccessKeyId) && !KeyPattern().IsMatch(input.AccessKeyId.Trim()))
            o.Add(nameof(input.AccessKeyId), "AccessKey格式不正确");
        if (secretRequired) o.Require(nameof(input.AccessKeySecret), input.AccessKeySecret, "请填写阿里云账号SecretKey");
        if (!string.IsNullOrWhiteSpace(input.AccessKeySecret) && !KeyPattern().IsMatch(input.AccessKeySecret.Trim()))
            o.Add(nameof(input.AccessKeySecret), "SecretKey格式不正确");
        Scene(o, nameof(input.RegisterScene), input.RegisterScene);
        Scene(o, nameof(input.ResetPasswordScene), input.ResetPasswordScene);
        Scene(o, nameof(input.ChangePhoneScene), input.ChangePhoneScene);
        Queue(o, nameof(input.ReportQueueName), input.ReportQueueName, "请填写状态报告队列名称");
        Queue(o, nameof(input.InboundQueueName), input.InboundQueueName, "请填写上行消息队列名称");
        if (input.Remark is { Length: > 200 }) o.Add(nameof(input.Remark), "备注不能超过200个字符");
        return o;
    }

    private static void Scene(Outcome o, string prefix, SceneInput s)
    {
        o.Require($"{prefix}.{nameof(s.SignName)}", s.SignName, "请填写短信签名");
        if (s.SignName is { Length: > 64 }) o.Add($"{prefix}.{nameof(s.SignName)}", "短信签名不能超过64个字符");
        o.Require($"{prefix}.{nameof(s.TemplateCode)}", s.TemplateCode, "请填写模板code");
        if (!string.IsNullOrWhiteSpace(s.TemplateCode) && !TemplateCodePattern().IsMatch(s.TemplateCode.Trim()))
            o.Add($"{prefix}.{nameof(s.TemplateCode)}", "模板code格式应为SMS_加数字，例如SMS_123456789");
        o.Require($"{prefix}.{nameof(s.VariableName)}", s.VariableName, "请填写模板变量");
        if (!string.IsNullOrWhiteSpace(s.VariableName) && !VariablePattern().IsMatch(s.VariableName.Trim()))
            o.Add($"{prefix}.{nameof(s.VariableName)}", "模板变量只能包含字母、数字和下划线");
    }

    private static void Queue(Outcome o, string field, string? value, string requiredMessage)
    {
        o.Require(field, value, requiredMessage);
        if (!string.IsNullOrWhiteSpace(value) && !QueuePattern().IsMatch(value.Trim()))
            o.Add(field, "队列名称只能包含字母、数字和-，且不超过120个字符");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-]{4,64}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^SMS_\d{1,20}$")]
    private static partial Regex TemplateCodePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,31}$")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-]{0,119}$")]
    private static partial Regex QueuePattern();
}
