using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.Web.Infrastructure.Cluster;

/// <summary>Qunfa:Workers:Enabled=false keeps a node to serving requests: the background workers are not started there.</summary>
public static class WorkerRole
{
    private const string WorkersNamespace = "Qunfa.Web.Workers";

    public static IServiceCollection ApplyWorkerRole(this IServiceCollection services, StartupSettings settings)
    {
        services.AddSingleton<ClusterLock>();
        if (settings.Qunfa.Workers.Enabled) return services;
        var workers = services.Where(d => d.ServiceType == typeof(IHostedService) && IsWorker(d)).ToList();
        foreach (var worker in workers) services.Remove(worker);
        return services;
    }

    // Workers registered through a factory (to be injectable elsewhere) are known by the factory's result type.
    private static bool IsWorker(ServiceDescriptor d)
    {
        var type = d.ImplementationType ?? d.ImplementationFactory?.GetType().GenericTypeArguments.LastOrDefault();
        return type?.Namespace == WorkersNamespace;
    }
}
