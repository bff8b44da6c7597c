namespace Qunfa.Web.Features.Setup;

/// <summary>Until the wizard is complete, every page leads to it; static files, health checks and error pages pass.</summary>
public static class SetupGateMiddleware
{
    private static readonly string[] OpenPrefixes = ["/setup", "/lib/", "/css/", "/js/", "/healthz", "/readyz", "/favicon", "/culture", "/error"];

    public static IApplicationBuilder UseSetupGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (OpenPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                || await context.RequestServices.GetRequiredService<SetupState>().IsCompleteAsync(context.RequestAborted))
            {
                await next();
                return;
            }
            context.Response.Redirect("/setup");
        });
}
