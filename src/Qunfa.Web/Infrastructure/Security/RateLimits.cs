using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Qunfa.Web.Features.Customers;

namespace Qunfa.Web.Infrastructure.Security;

/// <summary>Per-IP limits on the pages that check passwords or codes, and on sending codes.</summary>
public static class RateLimits
{
    public const string Logins = "logins";

    public static IServiceCollection AddQunfaRateLimits(this IServiceCollection services, CustomerOptions options)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("请求过于频繁，请稍后再试。Too many requests, please try again later.", ct);
            };
            o.AddPolicy(Logins, http => PerIp(http, options.LoginAttemptsPerMinutePerIp));
        });
        services.AddSingleton(new CodeRequestLimiter(options.CodeRequestsPerMinutePerIp));
        return services;
    }

    private static RateLimitPartition<string> PerIp(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

/// <summary>Sending a code is limited per client IP wherever it is asked for, so the check lives with the sending.</summary>
public sealed class CodeRequestLimiter(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public bool TryAcquire(string ip)
    {
        using var lease = _limiter.AttemptAcquire(ip);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
