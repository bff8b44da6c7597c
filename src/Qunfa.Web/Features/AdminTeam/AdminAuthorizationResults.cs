using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Qunfa.Web.Domain.Admins;

namespace Qunfa.Web.Features.AdminTeam;

/// <summary>
/// How a refused admin request is answered: an initial password sends the admin to 修改密码 first; 首页 opened by a
/// role without it goes to the role's first page (it is where 登陆 lands); anything else is the 403 page.
/// </summary>
public sealed class AdminAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    public const string PasswordPath = "/admin/password";
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden && result.AuthorizationFailure?.FailureReasons.Any(r => r.Message == AdminPageAuthorization.MustChangePassword) == true)
        {
            context.Response.Redirect(PasswordPath);
            return;
        }
        if (result.Forbidden && HttpMethods.IsGet(context.Request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<AdminPageAccess>()?.Permission == AdminPermission.Home
            && await context.RequestServices.GetRequiredService<CurrentAdmin>().GetAsync(context.RequestAborted) is { } access)
        {
            context.Response.Redirect(AdminPageMap.LandingFor(access));
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }
}
