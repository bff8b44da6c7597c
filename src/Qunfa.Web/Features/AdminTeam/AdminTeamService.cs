using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Infrastructure.Paging;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.AdminTeam;

/// <summary>
/// 管理员管理: add, edit, 停用/启用, 重置密码 and remove administrators. The last active 超级管理员 can be neither demoted,
/// disabled nor removed; each such change re-counts the others inside a transaction that holds them (PostgreSQL locks the
/// rows, SQLite's write lock is taken at BEGIN), so two simultaneous demotions cannot leave none.
/// Disabling, demoting or removing an admin changes its stamp, which ends its sessions on every node.
/// </summary>
public sealed class AdminTeamService(QunfaDbContext db, IPasswordHasher<AdminUser> hasher, AdminLogWriter adminLog, TimeProvider time)
{
    public const string LastSuperAdminMessage = "至少需要保留一名启用的超级管理员";
    public const string NotFoundMessage = "管理员不存在";

    public sealed record Row(int Id, string Name, string Email, string Phone, AdminRoleKind Role, string? CustomRoleName, bool IsDisabled, bool MustChangePassword, bool HasTwoFactor, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt);

    public async Task<PagedList<Row>> ListAsync(PageRequest page, CancellationToken ct)
    {
        var query = db.AdminUsers.AsNoTracking();
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.Id).Skip(page.Skip).Take(page.Size)
            .Select(a => new Row(a.Id, a.Name, a.Email, a.Phone, a.Role, a.CustomRole == null ? null : a.CustomRole.Name, a.IsDisabled,
                a.MustChangePassword, a.ProtectedTotpSecret != null, a.CreatedAt, a.LastLoginAt))
            .ToListAsync(ct);
        return new PagedList<Row>(items, total, page);
    }

    public Task<AdminUser?> FindAsync(int id, CancellationToken ct) =>
        db.AdminUsers.AsNoTracking().Include(a => a.CustomRole).FirstOrDefaultAsync(a => a.Id == id, ct);

    public async Task<Outcome> AddAsync(AdminInput input, CancellationToken ct)
    {
        var o = await CheckAsync(input, null, ct);
        Customers.CustomerAccountService.CheckNewPassword(o, input.Password, input.ConfirmPassword);
        if (!o.Succeeded) return await RefusedAsync(o, AdminAction.AddAdmin, input.Email, ct);

        RoleChoice.TryParse(input.Role, out var kind, out var customId);
        var admin = new AdminUser
        {
            Name = input.Name!.Trim(),
            Email = input.Email!.Trim().ToLowerInvariant(),
            Phone = input.Phone!.Trim(),
            Role = kind,
            CustomRoleId = customId,
            MustChangePassword = true,
            CreatedAt = time.GetUtcNow(),
        };
        admin.PasswordHash = hasher.HashPassword(admin, input.Password!);
        db.AdminUsers.Add(admin);
        adminLog.Add(AdminAction.AddAdmin, succeeded: true, detail: admin.Email);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone took the email or phone (or removed the role) since it was checked.
            return await RefusedAsync(Outcome.Fail("", "邮箱或手机号已被其他管理员使用"), AdminAction.AddAdmin, admin.Email, ct);
        }
        return o;
    }

    public async Task<Outcome> EditAsync(int id, AdminInput input, CancellationToken ct)
    {
        var o = await CheckAsync(input, id, ct);
        if (!o.Succeeded) return await RefusedAsync(o, AdminAction.EditAdmin, input.Email, ct);
        RoleChoice.TryParse(input.Role, out var kind, out var customId);
        return await GuardedAsync(id, AdminAction.EditAdmin, admin =>
        {
            admin.Name = input.Name!.Trim();
            admin.Email = input.Email!.Trim().ToLowerInvariant();
            admin.Phone = input.Phone!.Trim();
            if (admin.Role != kind || admin.CustomRoleId != customId)
            {
                admin.Role = kind;
                admin.CustomRoleId = customId;
                admin.SecurityStamp = NewStamp();
            }
            return Outcome.Ok();
        }, ct);
    }

    public Task<Outcome> SetDisabledAsync(int id, bool disabled, CancellationToken ct) =>
        GuardedAsync(id, disabled ? AdminAction.DisableAdmin : AdminAction.EnableAdmin, admin =>
        {
            if (admin.IsDisabled == disabled) return Outcome.Ok();
            admin.IsDisabled = disabled;
            if (disabled) admin.SecurityStamp = NewStamp();
            return Outcome.Ok();
        }, ct);

    public Task<Outcome> ResetPasswordAsync(int id, PasswordInput input, CancellationToken ct)
    {
        var o = new Outcome();
        Customers.CustomerAccountService.CheckNewPassword(o, input.Password, input.ConfirmPassword);
        if (!o.Succeeded) return RefusedAsync(o, AdminAction.ResetAdminPassword, null, ct);
        return GuardedAsync(id, AdminAction.ResetAdminPassword, admin =>
        {
            admin.PasswordHash = hasher.HashPassword(admin, input.Password!);
            admin.MustChangePassword = true;
            admin.FailedLoginCount = 0;
            admin.LockedUntil = null;
            admin.SecurityStamp = NewStamp();
            return Outcome.Ok();
        }, ct);
    }

    public Task<Outcome> RemoveAsync(int id, CancellationToken ct) =>
        GuardedAsync(id, AdminAction.RemoveAdmin, admin =>
        {
            db.AdminUsers.Remove(admin);
            return Outcome.Ok();
        }, ct);

    /// <summary>修改密码: the admin's own, which also ends the initial password's hold.</summary>
    public async Task<Outcome> ChangeOwnPasswordAsync(int id, OwnPasswordInput input, CancellationToken ct)
    {
        var o = new Outcome().Require(nameof(input.CurrentPassword), input.CurrentPassword, "请输入当前密码");
        Customers.CustomerAccountService.CheckNewPassword(o, input.Password, input.ConfirmPassword);
        var admin = await db.AdminUsers.FirstOrDefaultAsync(a => a.Id == id && !a.IsDisabled, ct);
        if (admin is null) return Outcome.Fail("", NotFoundMessage);
        if (!string.IsNullOrEmpty(input.CurrentPassword)
            && hasher.VerifyHashedPassword(admin, admin.PasswordHash, input.CurrentPassword) == PasswordVerificationResult.Failed)
            o.Add(nameof(input.CurrentPassword), Customers.CustomerSettingsService.WrongCurrentPasswordMessage);
        if (o.Succeeded && input.Password == input.CurrentPassword)
            o.Add(nameof(input.Password), Customers.CustomerSettingsService.SamePasswordMessage);
        if (!o.Succeeded) return await RefusedAsync(o, AdminAction.ChangeOwnPassword, null, ct);

        admin.PasswordHash = hasher.HashPassword(admin, input.Password!);
        admin.MustChangePassword = false;
        admin.SecurityStamp = NewStamp();
        adminLog.Add(AdminAction.ChangeOwnPassword, succeeded: true);
        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the admin inside a transaction that first holds every active 超级管理员, and
    /// refuses it when it would leave none. Removal also deletes the admin's sessions.
    /// </summary>
    private async Task<Outcome> GuardedAsync(int id, AdminAction action, Func<AdminUser, Outcome> change, CancellationToken ct)
    {
        string? target = null;
        Outcome outcome;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var othersActive = await ActiveSuperAdminsOtherThanAsync(id, ct);
            var admin = await db.AdminUsers.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (admin is null)
                outcome = Outcome.Fail("", NotFoundMessage);
            else
            {
                target = admin.Email;
                var wasActiveSuper = IsActiveSuper(admin);
                outcome = change(admin);
                var removed = db.Entry(admin).State == EntityState.Deleted;
                if (outcome.Succeeded && wasActiveSuper && (removed || !IsActiveSuper(admin)) && othersActive == 0)
                    outcome = Outcome.Fail("", LastSuperAdminMessage);
                if (outcome.Succeeded)
                {
                    if (removed)
                        await db.AuthSessions.Where(s => s.Kind == SessionKind.Admin && s.AccountId == id).ExecuteDeleteAsync(ct);
                    adminLog.Add(action, succeeded: true, detail: target);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return outcome;
                }
            }
            await transaction.RollbackAsync(ct);
        }
        return await RefusedAsync(outcome, action, target, ct);
    }

    private async Task<int> ActiveSuperAdminsOtherThanAsync(int id, CancellationToken ct)
    {
        // Read committed alone would let two transactions each count the other before either commits.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "AdminUsers" WHERE "Role" = 'SuperAdmin' AND NOT "IsDisabled" FOR UPDATE""", ct);
        return await db.AdminUsers.CountAsync(a => a.Role == AdminRoleKind.SuperAdmin && !a.IsDisabled && a.Id != id, ct);
    }

    private static bool IsActiveSuper(AdminUser admin) => admin.Role == AdminRoleKind.SuperAdmin && !admin.IsDisabled;

    private async Task<Outcome> RefusedAsync(Outcome outcome, AdminAction action, string? target, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await adminLog.WriteAsync(action, succeeded: false, detail: target?.Trim(), ct: ct);
        return outcome;
    }

    private async Task<Outcome> CheckAsync(AdminInput input, int? id, CancellationToken ct)
    {
        var o = new Outcome()
            .Require(nameof(input.Name), input.Name, "请填写姓名")
            .Require(nameof(input.Email), input.Email, "请填写邮箱")
            .Require(nameof(input.Phone), input.Phone, "请填写手机号");
        if (input.Name is { Length: > 50 }) o.Add(nameof(input.Name), "姓名不能超过50个字符");
        var email = input.Email?.Trim().ToLowerInvariant();
        var phone = input.Phone?.Trim();
        if (!string.IsNullOrEmpty(email) && !ContactRules.IsEmail(email)) o.Add(nameof(input.Email), ContactRules.EmailMessage);
        if (!string.IsNullOrEmpty(phone) && !ContactRules.IsMobile(phone)) o.Add(nameof(input.Phone), ContactRules.MobileMessage);
        if (o.Succeeded && await db.AdminUsers.AnyAsync(a => a.Email == email && a.Id != id, ct))
            o.Add(nameof(input.Email), "该邮箱已被其他管理员使用");
        if (o.Succeeded && await db.AdminUsers.AnyAsync(a => a.Phone == phone && a.Id != id, ct))
            o.Add(nameof(input.Phone), "该手机号已被其他管理员使用");
        if (!RoleChoice.TryParse(input.Role, out var kind, out var customId))
            o.Add(nameof(input.Role), "请选择角色");
        else if (kind == AdminRoleKind.Custom && !await db.AdminRoles.AnyAsync(r => r.Id == customId, ct))
            o.Add(nameof(input.Role), "角色不存在");
        return o;
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
