namespace Qunfa.Web.Features.Contacts;

/// <summary>
/// Who may delete groups and contacts (#18): the account's 管理员. Until 子账号 (#13) exist every console user is the
/// account's owner, so this is the one place that maps the rule onto member roles when they land.
/// </summary>
public static class ContactPermissions
{
    public static bool MayDelete(System.Security.Claims.ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;
}
