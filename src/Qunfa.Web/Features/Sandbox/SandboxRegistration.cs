namespace Qunfa.Web.Features.Sandbox;

public static class SandboxRegistration
{
    public static IServiceCollection AddQunfaSandbox(this IServiceCollection services)
    {
        services.AddSingleton<SandboxRestore>();
        services.AddSingleton<SandboxMessages>();
        services.AddScoped<ReplySimulator>();
        return services;
    }
}
