using System.Globalization;
using System.Security.Claims;

namespace Qunfa.Web.Features.AdminAuth;

public static class AdminClaims
{
    public const string Scheme = "Admin";
    /// <summary>Between a right password and the second step (TOTP code, or enrolment when it is required): no admin page opens.</summary>
    public const string PendingScheme = "AdminPending";
    public const string PendingStep = "qunfa:admin_pending_step";
    public const string Policy = "Admin";
    public const string AdminId = "qunfa:admin_id";
    public const string SecurityStamp = "qunfa:admin_stamp";

    /// <summary>The signed-in admin's id (pages behind the admin policy always have one).</summary>
    public static int IdOf(ClaimsPrincipal user) =>
        int.Parse(user.FindFirst(AdminId)?.Value ?? throw new InvalidOperationException("Not an admin session"), CultureInfo.InvariantCulture);
}
