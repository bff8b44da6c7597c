using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Qunfa.Web.Workers;

namespace Qunfa.Web.Features.Webhooks;

public static class WebhookRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddScoped<WebhookSettings>();
        services.AddScoped<WebhookOutbox>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService<WebhookWorker>();
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var allowPrivate = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowInsecureUrls;
                return new SocketsHttpHandler
                {
                    UseProxy = false,
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectCallback = (context, ct) => ConnectAsync(context, allowPrivate, ct),
                };
            });
        return services;
    }

    /// <summary>Resolves the name here so that an address is checked where it is connected to, not only when the URL was saved.</summary>
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = allowPrivate ? addresses : addresses.Where(a => !WebhookUrlRules.IsPrivate(a)).ToArray();
        if (allowed.Length == 0) throw new HttpRequestException(WebhookMessages.PrivateAddress);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
