namespace Qunfa.Web.Infrastructure.Errors;

/// <summary>
/// The operator's error pages (Pages/Error.cshtml): unhandled errors show a page with a reference that the log
/// line carries too, and a response left without a body (an unknown URL, a NotFound()) gets a page with a link
/// home. Under /api/ the same responses are ProblemDetails JSON. The developer exception page only in the
/// Development environment, which has to be asked for (README).
/// </summary>
public static class ErrorPages
{
    public static IServiceCollection AddErrorPages(this IServiceCollection services) => services.AddProblemDetails();

    public static WebApplication UseErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                // A fresh scope, so the page does not reuse a DbContext the failure left behind.
                CreateScopeForErrors = true,
                // The page logs the error with its reference; the middleware's own entry would repeat it without one.
                SuppressDiagnosticsCallback = _ => true,
            });
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
