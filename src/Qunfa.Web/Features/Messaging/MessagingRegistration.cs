using Qunfa.Web.Features.Messaging.Signatures;
using Qunfa.Web.Features.Messaging.Templates;
using Qunfa.Web.Workers;

namespace Qunfa.Web.Features.Messaging;

public static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReviewSyncOptions>(configuration.GetSection(ReviewSyncOptions.Section));
        services.AddSingleton<ReviewSyncWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ReviewSyncWorker>());
        services.AddScoped<CarrierFiles>();
        services.AddScoped<TemplateService>();
        services.AddScoped<SignatureService>();
        services.AddScoped<MessagingRemoval>();
        services.AddScoped<Assignment>();
        services.AddScoped<ReviewHints>();
        services.AddHostedService<ReviewReportConsumer>();
        return services;
    }
}
