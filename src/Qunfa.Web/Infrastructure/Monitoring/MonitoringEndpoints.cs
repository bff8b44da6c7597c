using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using Qunfa.Aliyun.Rpc;
using Qunfa.Web.Data;
using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.Web.Infrastructure.Monitoring;

/// <summary>
/// /healthz (the process answers), /readyz (the database is migrated and reachable) and /metrics (Prometheus text
/// format). /metrics answers only a loopback caller that came through no proxy, or one bearing Qunfa:Metrics:Token.
/// </summary>
public static class MonitoringEndpoints
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddQunfaMonitoring(this IServiceCollection services)
    {
        services.AddSingleton<SendingGauges>();
        services.AddTransient<CarrierCallMetrics>();
        services.AddHttpClient(HttpClientNames.Send).AddHttpMessageHandler<CarrierCallMetrics>();
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(QunfaMeter.Name)
            .AddRuntimeInstrumentation()
            .AddProcessInstrumentation()
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication UseQunfaMonitoring(this WebApplication app, StartupSettings settings)
    {
        // Gauges are observed at scrape time; resolving them here registers their instruments.
        app.Services.GetRequiredService<SendingGauges>();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(DatabaseRegistration.ReadinessTag) });
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: c => c.Request.Path == MetricsPath,
            path: null,
            configureBranchedPipeline: b => b.Use(async (context, next) =>
            {
                if (MayScrape(context, settings.Qunfa.Metrics.Token)) await next();
                else context.Response.StatusCode = StatusCodes.Status404NotFound;
            }),
            optionsName: null);
        return app;
    }

    private static bool MayScrape(HttpContext context, string token)
    {
        if (token.Length > 0 && context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal))
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..]), Encoding.UTF8.GetBytes(token));
        // A reverse proxy on the same machine is loopback too: what it forwards carries X-Forwarded-For.
        return context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
            && !context.Request.Headers.ContainsKey("X-Forwarded-For");
    }
}
