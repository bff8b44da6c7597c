using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Qunfa.Alipay.Md5;
using Qunfa.Alipay.Rsa2;

namespace Qunfa.Alipay.Configuration;

public static class AlipayServiceCollectionExtensions
{
    /// <summary>Registers both protocol clients with options bound from <paramref name="section"/> (normally <c>Qunfa:Alipay</c>).</summary>
    public static IServiceCollection AddQunfaAlipay(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<AlipayOptions>().Bind(section);
        return services.AddQunfaAlipayCore();
    }

    public static IServiceCollection AddQunfaAlipay(this IServiceCollection services, Action<AlipayOptions>? configure = null)
    {
        var builder = services.AddOptions<AlipayOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services.AddQunfaAlipayCore();
    }

    private static IServiceCollection AddQunfaAlipayCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAlipaySettingsProvider, OptionsSettingsProvider>();
        services.TryAddSingleton<AlipayMd5Client>();
        services.TryAddSingleton<AlipayRsa2Client>();

        // Everything this client sends server-side (notify_verify, queries, close) is idempotent, so retrying is safe.
        services.AddHttpClient(AlipayHttp.ClientName).AddResilienceHandler("qunfa-alipay", (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AlipayOptions>>().Value;
            builder.AddTimeout(options.TotalTimeout);
            if (options.RetryCount > 0)
            {
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.RetryCount,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                });
            }

            builder.AddTimeout(options.AttemptTimeout);
        });
        return services;
    }
}
