using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Members;

public sealed class JoinInput
{
    public string? Phone { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

/// <summary>A 子账号's own account: accepting the invitation, logging in on the console login, resetting and changing its password.</summary>
public sealed class MemberAccountService(
    QunfaDbContext db,
    VerificationCodeService codes,
    IPasswordHasher<CustomerMember> hasher,
    ServerSessions sessions,
    TimeProvider time)
{
    public const string NoInvitationMessage = "该手机号没有待接受的邀请";
    public const string DisabledMessage = "该子账号已停用，请联系企业管理员";
    public const string FrozenMessage = "企业账号已冻结，子账号暂不能登录";
    public const int MaxNameLength = 50;

    public async Task<Outcome> SendJoinCodeAsync(string? phone, CancellationToken ct)
    {
        phone = phone?.Trim() ?? "";
        if (!await db.CustomerMembers.AnyAsync(m => m.Phone == phone && m.Status == MemberStatus.Invited, ct))
            return ContactRules.IsMobile(phone) ? Outcome.Fail("Phone", NoInvitationMessage) : Outcome.Fail("Phone", ContactRules.MobileMessage);
        return await codes.SendAsync(phone, CodeScene.JoinTeam, ct);
    }

    /// <summary>Accepts the invitation to <see cref="JoinInput.Phone"/> with the code it received, and signs the new member in.</summary>
    public async Task<Outcome> JoinAsync(JoinInput input, CancellationToken ct)
    {
        var o = new Outcome();
        var phone = input.Phone?.Trim() ?? "";
        if (!ContactRules.IsMobile(phone)) o.Add(nameof(input.Phone), ContactRules.MobileMessage);
        CheckName(o, input.Name);
        CustomerAccountService.CheckNewPassword(o, input.Password, input.ConfirmPassword);
        if (!o.Succeeded) return o;

        var member = await db.CustomerMembers.SingleOrDefaultAsync(m => m.Phone == phone && m.Status == MemberStatus.Invited, ct);
        if (member is null) return Outcome.Fail(nameof(input.Phone), NoInvitationMessage);
        var code = await codes.ConsumeAsync(phone, CodeScene.JoinTeam, input.Code, nameof(input.Code), ct);
        if (!code.Succeeded) return code;

        member.Name = input.Name!.Trim();
        member.PasswordHash = hasher.HashPassword(member, input.Password!);
        member.Status = MemberStatus.Active;
        member.JoinedAt = member.LastLoginAt = time.GetUtcNow();
        member.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        await SignInAsync(member, ct);
        return o;
    }

    /// <summary>The console login for a phone that no customer owns: a joined member's, checked and counted like a customer's.</summary>
    public async Task<Outcome> SignInAsync(string phone, string password, CancellationToken ct)
    {
        var member = await Joined(phone).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            hasher.HashPassword(new CustomerMember(), password);
            return Outcome.Fail("", LoginLockout.WrongCredentialsMessage);
        }
        var now = time.GetUtcNow();
        var row = db.CustomerMembers.Where(m => m.Id == member.Id);
        var claim = await AttemptCounter.ClaimAsync(row, now, ct);
        if (claim == AttemptClaim.Locked) return Outcome.Fail("", LoginLockout.LockedMessage);
        var verdict = hasher.VerifyHashedPassword(member, member.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
            return Outcome.Fail("", claim == AttemptClaim.AllowedAndLocks ? LoginLockout.LockedMessage : LoginLockout.WrongCredentialsMessage);
        await AttemptCounter.SucceedAsync(row, now, ct);
        if (member.Status == MemberStatus.Disabled) return Outcome.Fail("", DisabledMessage);
        if (await db.Customers.AnyAsync(c => c.Id == member.CustomerId && c.IsFrozen, ct)) return Outcome.Fail("", FrozenMessage);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            member.PasswordHash = hasher.HashPassword(member, password);
            await db.SaveChangesAsync(ct);
        }
        await SignInAsync(member, ct);
        return Outcome.Ok();
    }

    /// <summary>Whether a joined member has this phone, so 忘记密码 sends it a code.</summary>
    public Task<bool> HasJoinedAsync(string phone, CancellationToken ct) =>
        Joined(phone).AnyAsync(ct);

    /// <summary>The member who joined with this phone (active or 停用; an invitation or a removed member is no account).</summary>
    private IQueryable<CustomerMember> Joined(string phone) =>
        db.CustomerMembers.Where(m => m.Phone == phone && (m.Status == MemberStatus.Active || m.Status == MemberStatus.Disabled));

    /// <summary>忘记密码 for a member; null when no joined member has the phone.</summary>
    public async Task<Outcome?> ResetPasswordAsync(string phone, PasswordResetInput input, CancellationToken ct)
    {
        var member = await Joined(phone).FirstOrDefaultAsync(ct);
        if (member is null) return null;
        var code = await codes.ConsumeAsync(phone, CodeScene.ResetPassword, input.Code, nameof(input.Code), ct);
        if (!code.Succeeded) return code;
        member.PasswordHash = hasher.HashPassword(member, input.Password!);
        member.SecurityStamp = Guid.NewGuid().ToString("N");
        member.FailedLoginCount = 0;
        member.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return Outcome.Ok();
    }

    /// <summary>账号设置 of a member: its own password, checked against the current one; this browser stays signed in.</summary>
    public async Task<Outcome> ChangePasswordAsync(int memberId, PasswordChangeInput input, CancellationToken ct)
    {
        var o = new Outcome().Require(nameof(input.CurrentPassword), input.CurrentPassword, "请输入当前密码");
        CustomerAccountService.CheckNewPassword(o, input.Password, input.ConfirmPassword);
        if (!o.Succeeded) return o;
        var member = await db.CustomerMembers.SingleAsync(m => m.Id == memberId, ct);
        if (hasher.VerifyHashedPassword(member, member.PasswordHash, input.CurrentPassword!) == PasswordVerificationResult.Failed)
            return Outcome.Fail(nameof(input.CurrentPassword), CustomerSettingsService.WrongCurrentPasswordMessage);
        if (input.Password == input.CurrentPassword) return Outcome.Fail(nameof(input.Password), CustomerSettingsService.SamePasswordMessage);
        member.PasswordHash = hasher.HashPassword(member, input.Password!);
        member.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        await sessions.SignOutAsync(CustomerClaims.Scheme, ct);
        await SignInAsync(member, ct);
        return o;
    }

    /// <summary>账号设置 of a member: its own name.</summary>
    public async Task<Outcome> ChangeNameAsync(int memberId, string? name, string field, CancellationToken ct)
    {
        var o = new Outcome();
        CheckName(o, name, field);
        if (!o.Succeeded) return o;
        await db.CustomerMembers.Where(m => m.Id == memberId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Name, name!.Trim()), ct);
        return o;
    }

    private static void CheckName(Outcome o, string? name, string field = nameof(JoinInput.Name))
    {
        if (string.IsNullOrWhiteSpace(name)) o.Add(field, "请输入姓名");
        else if (name.Trim().Length > MaxNameLength) o.Add(field, "姓名不能超过50个字符");
    }

    private Task SignInAsync(CustomerMember member, CancellationToken ct) =>
        sessions.SignInAsync(CustomerClaims.Scheme, SessionKind.Member, member.Id,
        [
            new Claim(CustomerClaims.CustomerId, member.CustomerId.ToString(CultureInfo.InvariantCulture)),
            new Claim(CustomerClaims.MemberId, member.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(CustomerClaims.MemberStamp, member.SecurityStamp),
            new Claim(ClaimTypes.Name, member.Name),
        ], ct);
}
