using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Customers;

namespace Qunfa.Web.Features.Members;

/// <summary>The requirement of a console page: a signed-in customer account whose owner or member may open <see cref="Permission"/>.</summary>
public sealed record ConsolePermissionRequirement(ConsolePermission Permission) : IAuthorizationRequirement;

/// <summary>
/// Reads a member's role as stored now, on every request, as the session itself is checked: the owner passes, a
/// member passes when its current role allows the page. A refusal is the 403 page.
/// </summary>
public sealed class ConsolePermissionHandler(CurrentCustomer current) : AuthorizationHandler<ConsolePermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ConsolePermissionRequirement requirement)
    {
        if (context.User.FindFirst(CustomerClaims.CustomerId) is null) return;
        if (await current.MayAsync(requirement.Permission, CancellationToken.None)) context.Succeed(requirement);
    }
}

/// <summary>Puts every console page behind the policy of its permission in <see cref="ConsolePermissionMap"/>.</summary>
public sealed class ConsolePermissionConvention : IPageApplicationModelConvention
{
    public static string PolicyOf(ConsolePermission permission) => "Console." + permission;

    public void Apply(PageApplicationModel model)
    {
        if (!string.Equals(model.AreaName, "Console", StringComparison.OrdinalIgnoreCase)) return;
        var permission = ConsolePermissionMap.For(model.ViewEnginePath) ?? ConsolePermission.Manage;
        model.EndpointMetadata.Add(new AuthorizeAttribute(PolicyOf(permission)));
    }
}

public static class ConsoleAuthorizationRegistration
{
    public static IServiceCollection AddCustomerMembers(this IServiceCollection services)
    {
        var policies = services.AddAuthorizationBuilder();
        foreach (var permission in Enum.GetValues<ConsolePermission>())
            policies.AddPolicy(ConsolePermissionConvention.PolicyOf(permission), p => p
                .AddAuthenticationSchemes(CustomerClaims.Scheme)
                .RequireClaim(CustomerClaims.CustomerId)
                .AddRequirements(new ConsolePermissionRequirement(permission)));
        services.AddScoped<IAuthorizationHandler, ConsolePermissionHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<CustomerMember>, Microsoft.AspNetCore.Identity.PasswordHasher<CustomerMember>>();
        services.AddScoped<TeamService>();
        services.AddScoped<MemberAccountService>();
        return services;
    }
}
