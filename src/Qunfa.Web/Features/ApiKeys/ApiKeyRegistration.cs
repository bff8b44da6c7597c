namespace Qunfa.Web.Features.ApiKeys;

public static class ApiKeyRegistration
{
    public static IServiceCollection AddApiKeys(this IServiceCollection services) =>
        services.AddScoped<ApiKeyService>()
            .AddScoped<ApiNonceStore>().AddHostedService<Workers.ApiNonceCleanupWorker>();
}
