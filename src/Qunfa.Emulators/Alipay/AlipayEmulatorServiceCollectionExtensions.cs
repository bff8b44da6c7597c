using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Qunfa.Emulators.Alipay;

public static class AlipayEmulatorServiceCollectionExtensions
{
    public static IServiceCollection AddAlipayEmulator(this IServiceCollection services, Action<AlipayEmulatorOptions>? configure = null)
    {
        var options = services.AddOptions<AlipayEmulatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHttpClient(AlipayEmulatorState.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AlipayEmulatorOptions>>().Value;
            return new AlipayEmulatorState(o, o.TimeProvider ?? sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<IHttpClientFactory>());
        });
        return services;
    }
}
