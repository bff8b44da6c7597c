using Qunfa.Web.Data;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminAuth;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.AdminLog;

/// <summary>
/// Adds 管理员日志 entries to the unit of work, so a change and its log entry are saved together;
/// <see cref="WriteAsync"/> saves at once, for failures and actions that change nothing else.
/// </summary>
public sealed class AdminLogWriter(QunfaDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    public void Add(AdminAction action, bool succeeded, int? adminUserId = null, string? detail = null)
    {
        var context = http.HttpContext;
        db.AdminLog.Add(new AdminLogEntry
        {
            Action = action,
            Succeeded = succeeded,
            AdminUserId = adminUserId ?? CurrentAdminId(context),
            Detail = detail is { Length: > 500 } ? detail[..500] : detail,
            At = time.GetUtcNow(),
            Ip = context?.Connection.RemoteIpAddress?.ToString() ?? "",
        });
    }

    public async Task WriteAsync(AdminAction action, bool succeeded, int? adminUserId = null, string? detail = null, CancellationToken ct = default)
    {
        Add(action, succeeded, adminUserId, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Ends an admin change: logs it with its result and saves. A refused change — by its use case, or
    /// because part of the form could not be read at all — is dropped whole, and only its log entry (失败)
    /// is written.
    /// </summary>
    public async Task<Outcome> CommitAsync(Outcome staged, AdminAction action, bool inputReadable, CancellationToken ct)
    {
        var succeeded = staged.Succeeded && inputReadable;
        if (!succeeded) db.ChangeTracker.Clear();
        Add(action, succeeded);
        await db.SaveChangesAsync(ct);
        return succeeded || !staged.Succeeded ? staged : Outcome.Fail("", "输入的值无效");
    }

    private static int? CurrentAdminId(HttpContext? context) =>
        int.TryParse(context?.User.FindFirst(AdminClaims.AdminId)?.Value, out var id) ? id : null;
}
