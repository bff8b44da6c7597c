using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Qunfa.Web.Features.AlibabaCompat;

public static class AlibabaCompatRegistration
{
    /// <summary>Alibaba's V3 SDKs put every parameter in the query: SendSms to 1000 numbers is a ~15 KB request line.</summary>
    public const int MaxRequestLineBytes = 64 * 1024;

    public static IServiceCollection AddAlibabaCompat(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = Math.Max(o.Limits.MaxRequestLineSize, MaxRequestLineBytes));
        return services
            .AddScoped<SignatureVerifier>()
            .AddScoped<CompatSender>()
            .AddScoped<SendDetailsQuery>();
    }
}
