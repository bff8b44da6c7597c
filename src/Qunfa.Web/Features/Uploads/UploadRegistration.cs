namespace Qunfa.Web.Features.Uploads;

public static class UploadRegistration
{
    public static IServiceCollection AddUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UploadOptions>()
            .Bind(configuration.GetSection(UploadOptions.Section))
            .Validate(o => o.ParseTimeout > TimeSpan.Zero, $"{UploadOptions.Section}:ParseTimeout must be longer than zero.")
            .ValidateOnStart();
        services.AddSingleton<UploadParseBudget>();
        return services;
    }
}
