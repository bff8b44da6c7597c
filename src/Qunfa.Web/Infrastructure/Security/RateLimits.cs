using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Qunfa.Web.Features.Customers;

namespace Qunfa.Web.Infrastructure.Security;

/// <summary>
/// Per-IP limits on the pages that check passwords or codes, and on sending codes. Only submissions count:
/// showing a login form checks nothing, and a form needs one GET for its token before each POST.
/// </summary>
public static class RateLimits
{
    public const string Logins = "logins";
    /// <summary>The admin login and the wizard's 安装码, the two doors to the admin console.</summary>
    public const string AdminLogins = "admin-logins";

    public static IServiceCollection AddQunfaRateLimits(this IServiceCollection services, CustomerOptions options, int adminLoginsPerMinute)
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
            o.AddPolicy(AdminLogins, http => PerIp(http, adminLoginsPerMinute));
        });
        services.AddSingleton(new CodeRequestLimiter(options.CodeRequestsPerMinutePerIp));
        return services;
    }

    private static RateLimitPartition<string> PerIp(HttpContext http, int perMinute) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(
                "ip:" + http.Connection.RemoteIpAddress,
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
