using Qunfa.Web.Features.Push;
using Qunfa.Web.Workers;

namespace Qunfa.Web.Features.Replies;

public static class ReplyRegistration
{
    public static IServiceCollection AddReplies(this IServiceCollection services)
    {
        services.AddScoped<ReplyIngestion>();
        services.AddScoped<ReplyQueries>();
        services.AddScoped<OptOutList>();
        services.AddScoped<OptOutFilter>();
        services.AddScoped<PushTokenService>();
        services.AddHostedService<ReplyConsumer>();
        return services;
    }
}
