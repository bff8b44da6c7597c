using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Settings;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Setup;

/// <summary>
/// The first-run wizard (初始化). A step may be submitted when it is the one the wizard waits on or an
/// earlier one (上一步); later steps and anything after completion are refused and change nothing.
/// </summary>
public sealed partial class SetupService(
    QunfaDbContext db,
    IPasswordHasher<AdminUser> hasher,
    CarrierAccountService carrier,
    PortalProfileService portal,
    AdminLogWriter adminLog,
    SetupState state,
    Carrier.CarrierState carrierState,
    PaymentSettingsService payment,
    SetupAccess access,
    StartupSettings settings,
    IHttpContextAccessor http,
    TimeProvider time)
{
    public const string OutOfOrderMessage = "请按顺序完成初始化步骤";
    public const string AlreadyCompleteMessage = "系统已完成初始化，不能再次初始化";
    public const string CodeRequiredMessage = "请先输入安装码";
    public const string WrongCodeMessage = "安装码错误";
    public const string CodeLockedMessage = "安装码错误次数过多，已锁定15分钟，请稍后再试";

    public async Task<Installation> GetAsync(CancellationToken ct) =>
        await db.Installations.SingleAsync(i => i.Id == Installation.SingletonId, ct);

    public async Task<Outcome> SubmitLicenseAsync(LicenseInput input, CancellationToken ct)
    {
        var installation = await GetAsync(ct);
        var gate = Gate(installation, WizardStep.License);
        if (gate is not null) return gate;
        var o = new Outcome();
        if (!access.IsGranted(installation))
        {
            var refusal = await CheckCodeAsync(installation, input.SetupCode, ct);
            if (refusal is null) access.Grant(installation);
            else o.Add(nameof(input.SetupCode), refusal);
        }
        o.Require(nameof(input.Name), input.Name, "请填写您的姓名")
            .Require(nameof(input.CompanyName), input.CompanyName, "请填写公司名称")
            .Require(nameof(input.Email), input.Email, "请填写您的邮箱")
            .Require(nameof(input.Phone), input.Phone, "请填写您的电话")
            .Require(nameof(input.PurchaseInfo), input.PurchaseInfo, "请填写云市场的订单号后8位");
        if (input.Name is { Length: > 50 }) o.Add(nameof(input.Name), "姓名不能超过50个字符");
        if (input.CompanyName is { Length: > 100 }) o.Add(nameof(input.CompanyName), "公司名称不能超过100个字符");
        if (!string.IsNullOrWhiteSpace(input.Email) && !ContactRules.IsEmail(input.Email.Trim()))
            o.Add(nameof(input.Email), ContactRules.EmailMessage);
        if (!string.IsNullOrWhiteSpace(input.Phone) && !ContactRules.IsMobile(input.Phone.Trim()))
            o.Add(nameof(input.Phone), ContactRules.MobileMessage);
        if (!string.IsNullOrWhiteSpace(input.PurchaseInfo) && !PurchasePattern().IsMatch(input.PurchaseInfo.Trim()))
            o.Add(nameof(input.PurchaseInfo), "购买信息为订单号后8位字母或数字");
        if (!o.Succeeded) return o;

        installation.LicenseeName = input.Name!.Trim();
        installation.CompanyName = input.CompanyName!.Trim();
        installation.Email = input.Email!.Trim().ToLowerInvariant();
        installation.Phone = input.Phone!.Trim();
        installation.PurchaseInfo = input.PurchaseInfo!.Trim();
        // Going back to step 1 keeps the admin's login names in step with it.
        var admin = await db.AdminUsers.OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        if (admin is not null)
        {
            admin.Email = installation.Email;
            admin.Phone = installation.Phone;
            admin.Name = installation.LicenseeName;
        }
        Advance(installation, WizardStep.License);
        await db.SaveChangesAsync(ct);
        return o;
    }

    public async Task<Outcome> SubmitAdminAccountAsync(AdminAccountInput input, CancellationToken ct)
    {
        var installation = await GetAsync(ct);
        var gate = Gate(installation, WizardStep.AdminAccount);
        if (gate is not null) return gate;

        var o = new Outcome();
        if (string.IsNullOrEmpty(input.Password)) o.Add(nameof(input.Password), "请输入登录密码");
        else foreach (var problem in PasswordPolicy.Check(input.Password)) o.Add(nameof(input.Password), problem);
        if (string.IsNullOrEmpty(input.ConfirmPassword)) o.Add(nameof(input.ConfirmPassword), "请再次输入密码");
        else if (input.ConfirmPassword != input.Password) o.Add(nameof(input.ConfirmPassword), PasswordPolicy.ConfirmationMessage);
        if (!o.Succeeded) return o;

        var admin = await db.AdminUsers.OrderBy(a => a.Id).FirstOrDefaultAsync(ct)
                    ?? db.AdminUsers.Add(new AdminUser { CreatedAt = time.GetUtcNow() }).Entity;
        admin.Email = installation.Email;
        admin.Phone = installation.Phone;
        admin.Name = installation.LicenseeName;
        // The wizard's admin is the first 超级管理员.
        admin.Role = AdminRoleKind.SuperAdmin;
        admin.PasswordHash = hasher.HashPassword(admin, input.Password!);
        admin.SecurityStamp = Guid.NewGuid().ToString("N");
        Advance(installation, WizardStep.AdminAccount);
        await db.SaveChangesAsync(ct);
        return o;
    }

    public async Task<Outcome> SubmitSystemInfoAsync(CarrierAccountInput input, CancellationToken ct)
    {
        var installation = await GetAsync(ct);
        var gate = Gate(installation, WizardStep.SystemInfo);
        if (gate is not null) return gate;

        var o = await carrier.StageAsync(input, ct);
        if (!o.Succeeded) return o;
        if (input.Carrier == Domain.Settings.CarrierKind.Sandbox)
            await StageSandboxPaymentAsync(ct);
        Advance(installation, WizardStep.SystemInfo);
        await db.SaveChangesAsync(ct);
        await carrierState.RefreshAsync(ct);
        return o;
    }

    public async Task<Outcome> SubmitPortalAsync(PortalProfileInput input, CancellationToken ct)
    {
        var installation = await GetAsync(ct);
        var gate = Gate(installation, WizardStep.Portal);
        if (gate is not null) return gate;

        var o = await portal.StageAsync(input, logoRequired: true, ct);
        if (!o.Succeeded) return o;
        installation.Step = WizardStep.Done;
        installation.CompletedAt = time.GetUtcNow();
        var admin = await db.AdminUsers.SingleAsync(ct);
        adminLog.Add(AdminAction.CompleteSetup, succeeded: true, admin.Id);
        installation.SetupCodeHash = null;
        await db.SaveChangesAsync(ct);
        state.MarkComplete();
        SetupCodeIssuer.Forget(settings);
        return o;
    }

    /// <summary>Whether this browser gave the right 安装码 (steps 2–4 need it).</summary>
    public bool HasAccess(Installation installation) => access.IsGranted(installation);

    /// <summary>A wrong code is counted like a wrong password, before the comparison, so parallel guesses cannot pass the limit.</summary>
    private async Task<string?> CheckCodeAsync(Installation installation, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return CodeRequiredMessage;
        var row = db.Installations.Where(i => i.Id == Installation.SingletonId);
        var claim = await AttemptCounter.ClaimAsync(row, time.GetUtcNow(), ct);
        if (claim == AttemptClaim.Locked) return CodeLockedMessage;
        if (!SetupCode.Matches(installation.SetupCodeHash, code))
            return claim == AttemptClaim.AllowedAndLocks ? CodeLockedMessage : WrongCodeMessage;
        await AttemptCounter.ResetAsync(row, ct);
        return null;
    }

    /// <summary>
    /// The sandbox tour pays too: 支付配置 gets the demo merchant at the built-in Alipay sandbox, called back at the
    /// address the operator is using now (editable later in 支付配置).
    /// </summary>
    private async Task StageSandboxPaymentAsync(CancellationToken ct)
    {
        var request = http.HttpContext?.Request;
        var scheme = request?.Scheme == "https" ? "https" : "http";
        var host = request?.Host.Host is { Length: > 0 } h ? h : "127.0.0.1";
        var port = request?.Host.Port ?? (scheme == "https" ? 443 : 80);
        await payment.StageSandboxAsync(scheme, host, port, ct);
    }

    private Outcome? Gate(Installation installation, WizardStep step) =>
        installation.IsComplete ? Outcome.Fail("", AlreadyCompleteMessage)
        : step > installation.Step ? Outcome.Fail("", OutOfOrderMessage)
        : step > WizardStep.License && !access.IsGranted(installation) ? Outcome.Fail("", CodeRequiredMessage)
        : null;

    private static void Advance(Installation installation, WizardStep submitted)
    {
        if (installation.Step == submitted) installation.Step = submitted + 1;
    }

    [GeneratedRegex(@"^[A-Za-z0-9]{8}$")]
    private static partial Regex PurchasePattern();
}
