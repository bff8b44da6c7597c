using Microsoft.Extensions.Options;
using Qunfa.Aliyun.Configuration;
using Qunfa.Web.Features.Sandbox;

namespace Qunfa.Web.Features.Carrier;

public static class CarrierRegistration
{
    public static IServiceCollection AddQunfaCarrier(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddQunfaAliyun(configuration.GetSection(AliyunOptions.SectionName));
        services.AddQunfaSandbox();
        services.AddSingleton<SandboxCarrier>();
        services.AddSingleton<CarrierState>();
        services.AddSingleton<CarrierAliyunOptions>();
        services.AddSingleton<IPostConfigureOptions<AliyunOptions>>(sp => sp.GetRequiredService<CarrierAliyunOptions>());
        services.AddSingleton<IOptionsChangeTokenSource<AliyunOptions>>(sp => sp.GetRequiredService<CarrierAliyunOptions>());
        services.AddSingleton<IAliyunCredentialsProvider, CarrierCredentialsProvider>();
        services.AddHostedService<CarrierRefreshService>();
        services.AddScoped<VerificationSender>();
        return services;
    }
}
