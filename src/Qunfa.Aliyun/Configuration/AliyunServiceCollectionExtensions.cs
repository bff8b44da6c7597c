using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Qunfa.Aliyun.Manage;
using Qunfa.Aliyun.Mns;
using Qunfa.Aliyun.Oss;
using Qunfa.Aliyun.Rpc;
using Qunfa.Aliyun.Sms;

namespace Qunfa.Aliyun.Configuration;

public static class AliyunServiceCollectionExtensions
{
    /// <summary>Registers the clients with options bound from <paramref name="section"/> (normally <c>Qunfa:Aliyun</c>).</summary>
    public static IServiceCollection AddQunfaAliyun(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<AliyunOptions>().Bind(section);
        return services.AddQunfaAliyunCore();
    }

    public static IServiceCollection AddQunfaAliyun(this IServiceCollection services, Action<AliyunOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AliyunOptions>().Configure(configure);
        return services.AddQunfaAliyunCore();
    }

    private static IServiceCollection AddQunfaAliyunCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAliyunCredentialsProvider, OptionsCredentialsProvider>();
        services.TryAddSingleton<RpcTransport>();
        services.TryAddSingleton<OssPostObjectUploader>();
        services.TryAddSingleton<MnsTokenClient>();
        services.TryAddSingleton<MnsTokenCache>();
        services.TryAddSingleton<IAliyunSmsClient, AliyunSmsClient>();
        services.TryAddSingleton<IAliyunSmsManagementClient, AliyunSmsManagementClient>();
        services.TryAddSingleton<IAliyunMnsConsumer, AliyunMnsConsumer>();

        // Sends are not idempotent: timeouts only, the caller decides about a resend.
        services.AddHttpClient(HttpClientNames.Send).AddResilienceHandler("aliyun-send", (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AliyunOptions>>().Value;
            builder.AddTimeout(options.SendTotalTimeout).AddTimeout(options.SendAttemptTimeout);
        });

        // Retries and the total timeout of queries live in RpcTransport, because every attempt needs a fresh nonce and signature.
        services.AddHttpClient(HttpClientNames.Query).AddResilienceHandler("aliyun-query", (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AliyunOptions>>().Value;
            builder.AddTimeout(options.QueryAttemptTimeout);
        });

        services.AddHttpClient(HttpClientNames.Mns, client => client.Timeout = Timeout.InfiniteTimeSpan).AddResilienceHandler("aliyun-mns", (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AliyunOptions>>().Value;
            // MNS requests carry no nonce, so the HTTP pipeline may replay them as they are.
            builder.AddTimeout(options.MnsTotalTimeout).AddRetry(MnsRetry()).AddTimeout(options.MnsAttemptTimeout);
        });

        services.AddHttpClient(HttpClientNames.Oss).AddResilienceHandler("aliyun-oss", (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<AliyunOptions>>().Value;
            builder.AddTimeout(options.OssUploadTimeout);
        });

        return services;
    }

    private static HttpRetryStrategyOptions MnsRetry() => new()
    {
        MaxRetryAttempts = 2,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromMilliseconds(300),
    };
}
