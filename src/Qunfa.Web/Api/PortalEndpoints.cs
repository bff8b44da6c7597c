using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Localization;

namespace Qunfa.Web.Api;

public static class PortalEndpoints
{
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/logo", async (QunfaDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var logo = await db.PortalProfiles.AsNoTracking()
                .Where(p => p.Id == PortalProfile.SingletonId && p.Logo != null)
                .Select(p => new { p.Logo, p.LogoContentType, p.UpdatedAt })
                .FirstOrDefaultAsync(ct);
            if (logo is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "no-cache";
            return Results.File(logo.Logo!, logo.LogoContentType, lastModified: logo.UpdatedAt);
        });

        app.MapPost("/culture", ChooseCulture);
        // The console's antiforgery tokens are issued to the customer, whom only the customer scheme knows:
        // the switch there posts here, where that scheme authenticates the request before the token is checked.
        app.MapPost(ConsoleCulturePath, ChooseCulture).RequireAuthorization(CustomerClaims.Policy);
        return app;
    }

    public const string ConsoleCulturePath = "/console/culture";

    // The language choice is remembered in the standard culture cookie for a year.
    private static IResult ChooseCulture([FromForm] string culture, [FromForm] string? returnUrl, HttpContext http)
    {
        if (LocalizationSetup.Cultures.Any(c => c.Name == culture))
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
