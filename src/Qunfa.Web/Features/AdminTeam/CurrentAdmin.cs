using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminAuth;

namespace Qunfa.Web.Features.AdminTeam;

/// <summary>
/// The signed-in admin's role and permissions, read from the database once per request (like the session check, no
/// cache), so a role change or a role's new permissions hold on every node at the next request.
/// </summary>
public sealed class CurrentAdmin(QunfaDbContext db, IHttpContextAccessor http)
{
    private AdminAccess? _access;
    private bool _read;

    /// <summary>Null for a visitor, and for an admin that is disabled or removed.</summary>
    public async Task<AdminAccess?> GetAsync(CancellationToken ct = default)
    {
        if (_read) return _access;
        var claim = http.HttpContext?.User.FindFirst(AdminClaims.AdminId)?.Value;
        if (int.TryParse(claim, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            var row = await db.AdminUsers.AsNoTracking()
                .Where(a => a.Id == id && !a.IsDisabled)
                .Select(a => new { a.Role, a.MustChangePassword, Custom = a.CustomRole == null ? null : a.CustomRole.Permissions })
                .FirstOrDefaultAsync(ct);
            if (row is not null)
            {
                var permissions = row.Role == AdminRoleKind.Custom ? AdminPermissions.Parse(row.Custom) : BuiltInRoles.PermissionsOf(row.Role);
                _access = new AdminAccess(id, row.Role, permissions, row.MustChangePassword);
            }
        }
        _read = true;
        return _access;
    }
}
