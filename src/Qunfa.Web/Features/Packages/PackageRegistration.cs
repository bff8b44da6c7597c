namespace Qunfa.Web.Features.Packages;

public static class PackageRegistration
{
    public static IServiceCollection AddPackages(this IServiceCollection services)
    {
        services.AddScoped<ProductService>();
        services.AddScoped<GrantService>();
        services.AddScoped<FinanceQuery>();
        return services;
    }
}
