using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Members;

/// <summary>
/// 子账号 as the owner (or a 管理员) manages them: invite by phone, change the role, 停用/启用, remove. Every change
/// but an invitation renews the member's security stamp, so its sessions end at once; its keys are refused from the
/// next request on every node, as the member's status is part of the customer's sending state (SendingStates).
/// </summary>
public sealed class TeamService(QunfaDbContext db, VerificationCodeService codes, TimeProvider time)
{
    public const string NotFoundMessage = "子账号不存在";

    public sealed record MemberRow(int Id, string Name, string Phone, MemberRole Role, MemberStatus Status, DateTimeOffset InvitedAt, DateTimeOffset? LastLoginAt);

    /// <summary>The customer's members, removed ones left out, oldest first.</summary>
    public Task<List<MemberRow>> ListAsync(int customerId, CancellationToken ct) =>
        db.CustomerMembers.AsNoTracking()
            .Where(m => m.CustomerId == customerId && m.Status != MemberStatus.Removed)
            .OrderBy(m => m.Id)
            .Select(m => new MemberRow(m.Id, m.Name, m.Phone, m.Role, m.Status, m.InvitedAt, m.LastLoginAt))
            .ToListAsync(ct);

    /// <summary>
    /// Sends the phone a code to accept with on 加入企业; a pending invitation of this customer to the same phone is
    /// sent again (with the role now chosen). Nothing is stored when the code cannot be sent.
    /// </summary>
    public async Task<Outcome> InviteAsync(int customerId, string? phone, MemberRole? role, CancellationToken ct)
    {
        phone = phone?.Trim() ?? "";
        var o = new Outcome();
        if (!ContactRules.IsMobile(phone)) o.Add("Phone", ContactRules.MobileMessage);
        if (role is null || !Enum.IsDefined(role.Value)) o.Add("Role", "请选择角色");
        if (!o.Succeeded) return o;

        var pending = await db.CustomerMembers.SingleOrDefaultAsync(
            m => m.Phone == phone && m.CustomerId == customerId && m.Status == MemberStatus.Invited, ct);
        if (pending is null && await PhoneOwners.IsTakenAsync(db, phone, ct)) return Outcome.Fail("Phone", PhoneOwners.TakenMessage);

        var sent = await codes.SendAsync(phone, CodeScene.JoinTeam, ct);
        if (!sent.Succeeded) return sent;
        if (pending is null)
        {
            pending = new CustomerMember { CustomerId = customerId, Phone = phone, Status = MemberStatus.Invited };
            db.CustomerMembers.Add(pending);
        }
        pending.Role = role!.Value;
        pending.InvitedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another invitation took the phone between the check and the insert.
            return Outcome.Fail("Phone", PhoneOwners.TakenMessage);
        }
        return o;
    }

    public Task<Outcome> ChangeRoleAsync(int customerId, int memberId, MemberRole? role, CancellationToken ct) =>
        role is { } r && Enum.IsDefined(r)
            ? ChangeAsync(customerId, memberId, m => m.Status != MemberStatus.Removed, m => m.Role = r, ct)
            : Task.FromResult(Outcome.Fail("Role", "请选择角色"));

    public Task<Outcome> SetDisabledAsync(int customerId, int memberId, bool disabled, CancellationToken ct) => disabled
        ? ChangeAsync(customerId, memberId, m => m.Status == MemberStatus.Active, m => m.Status = MemberStatus.Disabled, ct)
        : ChangeAsync(customerId, memberId, m => m.Status == MemberStatus.Disabled, m => m.Status = MemberStatus.Active, ct);

    /// <summary>Removes the member: its sessions end, its keys are revoked, its tasks keep its name.</summary>
    public async Task<Outcome> RemoveAsync(int customerId, int memberId, CancellationToken ct)
    {
        var outcome = await ChangeAsync(customerId, memberId, m => m.Status != MemberStatus.Removed, m => m.Status = MemberStatus.Removed, ct);
        if (outcome.Succeeded)
        {
            var now = time.GetUtcNow();
            await db.ApiKeys.Where(k => k.MemberId == memberId && k.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, now), ct);
        }
        return outcome;
    }

    private async Task<Outcome> ChangeAsync(int customerId, int memberId, Func<CustomerMember, bool> allowed, Action<CustomerMember> change, CancellationToken ct)
    {
        var member = await db.CustomerMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.CustomerId == customerId, ct);
        if (member is null || !allowed(member)) return Outcome.Fail("", NotFoundMessage);
        change(member);
        member.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok();
    }
}
