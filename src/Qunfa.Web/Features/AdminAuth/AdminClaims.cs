namespace Qunfa.Web.Features.AdminAuth;

public static class AdminClaims
{
    public const string Scheme = "Admin";
    public const string Policy = "Admin";
    public const string AdminId = "qunfa:admin_id";
    public const string SecurityStamp = "qunfa:admin_stamp";
}
