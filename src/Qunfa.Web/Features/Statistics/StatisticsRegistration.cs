namespace Qunfa.Web.Features.Statistics;

public static class StatisticsRegistration
{
    /// <summary>The daily send rollups, their rebuild, and the queries of 首页 and 发送量统计.</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services)
    {
        services.AddScoped<RollupWriter>();
        services.AddScoped<RollupRebuild>();
        services.AddScoped<Dashboard>();
        services.AddScoped<VolumeQuery>();
        return services;
    }
}
