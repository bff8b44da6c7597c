namespace Qunfa.Web.Features.AlibabaCompat;

public static class AlibabaCompatRegistration
{
    public static IServiceCollection AddAlibabaCompat(this IServiceCollection services) =>
        services.AddScoped<NonceStore>()
            .AddScoped<SignatureVerifier>()
            .AddScoped<CompatSender>()
            .AddScoped<SendDetailsQuery>()
            .AddHostedService<NonceCleanupWorker>();
}
