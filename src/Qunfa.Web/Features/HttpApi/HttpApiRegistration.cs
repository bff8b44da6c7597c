using Qunfa.Web.Api;
using Qunfa.Web.Workers;

namespace Qunfa.Web.Features.HttpApi;

public static class HttpApiRegistration
{
    public static IServiceCollection AddHttpApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyUsage>();
        services.AddScoped<ApiSendService>();
        services.AddScoped<ApiDeferredChecks>();
        services.AddScoped<ApiQueries>();
        services.AddApiDocs();
        return services;
    }

    /// <summary>The signature check runs for every /api/v1 request, so even an unknown path says nothing to an unsigned caller.</summary>
    public static IApplicationBuilder UseApiSignatures(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ApiV1Endpoints.Prefix), b => b.UseMiddleware<ApiSignatureMiddleware>());
}
