using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Qunfa.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static IServiceCollection AddQunfaLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only an explicit choice (the cookie) switches language; Chinese is the default for everyone else.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
