using Microsoft.AspNetCore.Authorization;

namespace Qunfa.Web.Features.AdminTeam;

/// <summary>Part of the admin policy: the page's permission (<see cref="AdminPageAccess"/>) held by the admin's role now.</summary>
public sealed class AdminPageRequirement : IAuthorizationRequirement;

public sealed class AdminPageAuthorization(CurrentAdmin current) : AuthorizationHandler<AdminPageRequirement>
{
    /// <summary>The failure that sends the admin to 修改密码 instead of the 403 page.</summary>
    public const string MustChangePassword = "must-change-password";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminPageRequirement requirement)
    {
        var page = (context.Resource as HttpContext)?.GetEndpoint()?.Metadata.GetMetadata<AdminPageAccess>() ?? AdminPageAccess.Unmapped;
        var access = await current.GetAsync();
        if (access is null)
            context.Fail();
        else if (access.MustChangePassword && !page.OpenDuringPasswordChange)
            context.Fail(new AuthorizationFailureReason(this, MustChangePassword));
        else if (page.Permission is { } permission && !access.Can(permission))
            context.Fail();
        else
            context.Succeed(requirement);
    }
}
