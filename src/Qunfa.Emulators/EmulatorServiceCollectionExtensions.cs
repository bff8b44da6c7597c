using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Qunfa.Emulators;

public static class EmulatorServiceCollectionExtensions
{
    public static IServiceCollection AddAliyunEmulator(this IServiceCollection s, Action<EmulatorOptions>? configure = null)
    {
        var options = s.AddOptions<EmulatorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }
        s.AddHttpClient(Sms.ReportPusher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        s.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<EmulatorOptions>>().Value;
            return new EmulatorState(o, o.TimeProvider ?? sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<IHttpClientFactory>());
        });
        return s;
    }
}
