using Microsoft.Extensions.DependencyInjection.Extensions;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Workers;

namespace Qunfa.Web.Features.Qualifications;

public static class QualificationRegistration
{
    public static IServiceCollection AddQualifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QualificationReviewOptions>(configuration.GetSection(QualificationReviewOptions.Section));
        services.TryAddScoped<CarrierFiles>();
        services.AddScoped<QualificationService>();
        services.AddSingleton<HeldImages>();
        services.AddSingleton<QualificationReviewWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<QualificationReviewWorker>());
        return services;
    }
}
