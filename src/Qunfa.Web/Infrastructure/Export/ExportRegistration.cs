namespace Qunfa.Web.Infrastructure.Export;

public static class ExportRegistration
{
    public static IServiceCollection AddExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExportOptions>(configuration.GetSection(ExportOptions.Section));
        services.AddSingleton<ExportJobs>();
        services.AddHostedService<ExportSweeper>();
        return services;
    }
}
