using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.AdminTeam;

/// <summary>
/// 角色管理: custom roles, a name and the permissions ticked. A changed role holds at its admins' next request (their
/// permissions are read on each). A role an admin holds cannot be deleted; the foreign key refuses it even when an
/// admin is given the role at the same moment.
/// </summary>
public sealed class AdminRoleService(QunfaDbContext db, AdminLogWriter adminLog, TimeProvider time)
{
    public const string InUseMessage = "该角色仍有管理员使用，不能删除";

    public sealed record Row(int Id, string Name, IReadOnlySet<AdminPermission> Permissions, int AdminCount);

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken ct)
    {
        var roles = await db.AdminRoles.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Permissions, Admins = db.AdminUsers.Count(a => a.CustomRoleId == r.Id) })
            .ToListAsync(ct);
        return [.. roles.Select(r => new Row(r.Id, r.Name, AdminPermissions.Parse(r.Permissions), r.Admins))];
    }

    /// <summary>Every role an admin can be given: the built-in four, then the custom ones.</summary>
    public async Task<IReadOnlyList<(string Value, string Label)>> ChoicesAsync(CancellationToken ct)
    {
        var custom = await db.AdminRoles.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        return
        [
            .. BuiltInRoles.All.Select(k => (RoleChoice.ValueOf(k, null), BuiltInRoles.Label(k))),
            .. custom.Select(r => (RoleChoice.ValueOf(AdminRoleKind.Custom, r.Id), r.Name)),
        ];
    }

    public Task<AdminRole?> FindAsync(int id, CancellationToken ct) => db.AdminRoles.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    public async Task<Outcome> SaveAsync(int? id, RoleInput input, CancellationToken ct)
    {
        var action = id is null ? AdminAction.AddRole : AdminAction.EditRole;
        var name = input.Name?.Trim();
        var o = new Outcome().Require(nameof(input.Name), name, "请填写角色名称");
        if (name is { Length: > 30 }) o.Add(nameof(input.Name), "角色名称不能超过30个字符");
        if (!string.IsNullOrEmpty(name) && BuiltInRoles.All.Any(k => BuiltInRoles.Label(k) == name))
            o.Add(nameof(input.Name), "不能使用内置角色的名称");
        else if (!string.IsNullOrEmpty(name) && await db.AdminRoles.AnyAsync(r => r.Name == name && r.Id != id, ct))
            o.Add(nameof(input.Name), "角色名称已存在");
        if (input.Permissions.Any(p => !AdminPermissions.Grantable.Contains(p)))
            o.Add(nameof(input.Permissions), "输入的值无效");
        if (input.Permissions.Count == 0) o.Add(nameof(input.Permissions), "请至少选择一项权限");
        var role = id is null
            ? db.AdminRoles.Add(new AdminRole { CreatedAt = time.GetUtcNow() }).Entity
            : await db.AdminRoles.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (role is null) o.Add("", "角色不存在");
        if (!o.Succeeded) return await RefusedAsync(o, action, name, ct);

        role!.Name = name!;
        role.Permissions = AdminPermissions.Format(input.Permissions);
        adminLog.Add(action, succeeded: true, detail: name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return await RefusedAsync(Outcome.Fail(nameof(input.Name), "角色名称已存在"), action, name, ct);
        }
        return o;
    }

    public async Task<Outcome> DeleteAsync(int id, CancellationToken ct)
    {
        var role = await db.AdminRoles.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (role is null) return await RefusedAsync(Outcome.Fail("", "角色不存在"), AdminAction.DeleteRole, null, ct);
        if (await db.AdminUsers.AnyAsync(a => a.CustomRoleId == id, ct))
            return await RefusedAsync(Outcome.Fail("", InUseMessage), AdminAction.DeleteRole, role.Name, ct);
        db.AdminRoles.Remove(role);
        adminLog.Add(AdminAction.DeleteRole, succeeded: true, detail: role.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return await RefusedAsync(Outcome.Fail("", InUseMessage), AdminAction.DeleteRole, role.Name, ct);
        }
        return Outcome.Ok();
    }

    private async Task<Outcome> RefusedAsync(Outcome outcome, AdminAction action, string? detail, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await adminLog.WriteAsync(action, succeeded: false, detail: detail, ct: ct);
        return outcome;
    }
}
