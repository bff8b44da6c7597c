namespace Qunfa.Web.Infrastructure.Security;

public static class SecurityHeadersMiddleware
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Swagger UI's logo is an SVG carrying its own <style>; that one stylesheet, by hash, is let through on the docs only.
    private const string ApiDocsPath = "/api/docs";
    private const string SwaggerLogoStyle = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";
    private static readonly string ApiDocsPolicy = ContentSecurityPolicy.Replace("style-src 'self'", "style-src 'self' " + SwaggerLogoStyle, StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h["X-Content-Type-Options"] = "nosniff";
                h["X-Frame-Options"] = "DENY";
                h["Referrer-Policy"] = "same-origin";
                h["Content-Security-Policy"] = context.Request.Path.StartsWithSegments(ApiDocsPath) ? ApiDocsPolicy : ContentSecurityPolicy;
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next();
        });
}
