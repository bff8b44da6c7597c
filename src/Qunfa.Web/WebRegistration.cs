using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.AlibabaCompat;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.HttpApi;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.AdminAuth;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Features.Setup;
using Qunfa.Web.Infrastructure.Cluster;
using Qunfa.Web.Infrastructure.Errors;
using Qunfa.Web.Infrastructure.Localization;
using Qunfa.Web.Infrastructure.Monitoring;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Settings;
using Qunfa.Web.Infrastructure.Time;
using Qunfa.Web.Api;
using Qunfa.Web.Data;
using Qunfa.Web.Features.Carrier;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Sending;

namespace Qunfa.Web;

/// <summary>Everything the host registers and the order of its middleware, kept out of Program.cs.</summary>
public static class WebRegistration
{
    public static IServiceCollection AddQunfaWeb(this IServiceCollection services, StartupSettings settings, IConfiguration configuration)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new OperatorClock(sp.GetRequiredService<TimeProvider>(), settings.TimeZone));
        services.AddHttpContextAccessor();
        // Chinese text is written as is, not as numeric entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        services.AddDataProtection()
            .SetApplicationName("Qunfa")
            .PersistKeysToDbContext<QunfaDbContext>();
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<IPasswordHasher<AdminUser>, PasswordHasher<AdminUser>>();
        services.AddSingleton<IPasswordHasher<Customer>, PasswordHasher<Customer>>();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies the operator names are believed; by default none, so X-Forwarded-For is ignored.
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var proxy in settings.Qunfa.KnownProxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy));
        });

        services.AddQunfaLocalization();
        services.AddErrorPages();
        var customerOptions = configuration.GetSection(CustomerOptions.Section).Get<CustomerOptions>() ?? new CustomerOptions();
        services.Configure<CustomerOptions>(configuration.GetSection(CustomerOptions.Section));
        services.AddQunfaAuthentication(TimeSpan.FromMinutes(settings.Qunfa.AdminSessionMinutes), TimeSpan.FromMinutes(customerOptions.SessionMinutes));
        services.AddQunfaRateLimits(customerOptions, settings.Qunfa.AdminLoginAttemptsPerMinutePerIp);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "qunfa.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddRazorPages(o =>
            {
                o.Conventions.AuthorizeAreaFolder("Admin", "/", AdminClaims.Policy);
                // Each admin page carries the permission it needs, checked by the admin policy on every request.
                o.Conventions.AddAreaFolderApplicationModelConvention("Admin", "/", page => page.EndpointMetadata.Add(Features.AdminTeam.AdminPageMap.For(page.ViewEnginePath)));
                o.Conventions.AllowAnonymousToAreaPage("Admin", "/Login");
                // Between the password and the session: these pages read the second-step cookie themselves.
                o.Conventions.AllowAnonymousToAreaPage("Admin", "/TwoFactor/Verify");
                o.Conventions.AllowAnonymousToAreaPage("Admin", "/TwoFactor/Enrol");
                o.Conventions.Add(new Features.Members.ConsolePermissionConvention());
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<FormReadFailureFilter>(FormReadFailureFilter.Order);
                o.Filters.Add<AntiforgeryFailureFilter>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            // Values the binder cannot convert (a port of "abc") get the same kind of message as any other rule.
            var l = factory.Create(typeof(SharedResource));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((_, _) => l["输入的值无效"]);
            m.SetValueIsInvalidAccessor(_ => l["输入的值无效"]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => l["输入的值无效"]);
            m.SetValueMustBeANumberAccessor(_ => l["请输入数字"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["请输入数字"]);
            m.SetValueMustNotBeNullAccessor(_ => l["此项为必填项"]);
            m.SetMissingBindRequiredValueAccessor(_ => l["此项为必填项"]);
            m.SetMissingKeyOrValueAccessor(() => l["此项为必填项"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["此项为必填项"]);
            m.SetUnknownValueIsInvalidAccessor(_ => l["输入的值无效"]);
        });
        services.AddQunfaCarrier(configuration);
        Qunfa.Web.Features.Qualifications.QualificationRegistration.AddQualifications(services, configuration);
        services.AddMessaging(configuration);
        services.AddSending(configuration);
        Features.Uploads.UploadRegistration.AddUploads(services, configuration);
        Features.Statistics.StatisticsRegistration.AddStatistics(services);
        Features.Sending.Records.RecordRegistration.AddRecordSearch(services);
        Infrastructure.Export.ExportRegistration.AddExports(services, configuration);
        services.AddApiKeys();
        services.AddAlibabaCompat();
        services.AddHttpApi();
        Features.Replies.ReplyRegistration.AddReplies(services);
        Features.Contacts.ContactsRegistration.AddContacts(services);
        Features.Webhooks.WebhookRegistration.AddWebhooks(services, configuration);
        Qunfa.Web.Features.Payments.PaymentRegistration.AddPayments(services, configuration);
        Qunfa.Web.Features.Packages.PackageRegistration.AddPackages(services);
        services.AddSingleton<SetupState>();
        services.AddScoped<SetupService>();
        services.AddScoped<SetupAccess>();
        services.AddScoped<AdminLogWriter>();
        services.AddScoped<AdminLogQuery>();
        services.AddScoped<AdminSignInService>();
        services.AddScoped<Features.AdminTeam.AdminTeamService>();
        services.AddScoped<Features.AdminTeam.AdminRoleService>();
        services.AddScoped<Features.AdminAuth.TwoFactor.AdminTwoFactorService>();
        services.AddScoped<Features.AdminAuth.TwoFactor.AdminSecondStep>();
        services.AddScoped<PortalProfileService>();
        services.AddScoped<CarrierAccountService>();
        services.AddScoped<PaymentSettingsService>();
        services.AddScoped<Features.GoLive.SandboxUseQuery>();
        services.AddScoped<VerificationCodeService>();
        services.AddScoped<CustomerAccountService>();
        Features.Members.ConsoleAuthorizationRegistration.AddCustomerMembers(services);
        services.AddScoped<CustomerSettingsService>();
        services.AddScoped<Features.Customers.Onboarding>();
        services.AddScoped<CurrentCustomer>();
        services.AddScoped<Features.Customers.Admin.CustomerDirectory>();
        services.AddScoped<Features.Customers.Admin.CustomerAdministration>();
        services.AddScoped<Features.Customers.Admin.MessagingDirectory>();
        services.AddQunfaMonitoring();
        services.ApplyWorkerRole(settings);
        return services;
    }

    public static WebApplication UseQunfaPipeline(this WebApplication app, StartupSettings settings)
    {
        // The middleware believes any sender when no proxy is named, so it runs only when some are.
        if (settings.Qunfa.KnownProxies.Count > 0)
            app.UseForwardedHeaders();
        app.UseQunfaMonitoring(settings);
        // A worker-only node answers health and metrics and nothing else.
        if (!settings.Qunfa.Web.Enabled) return app;
        app.UseErrorPages();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseSetupGate();
        app.UseAlibabaCompatAtRoot();
        app.UseApiDocsUi();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseApiSignatures();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapPortalEndpoints();
        app.MapAliyunPushEndpoints();
        app.MapAliyunReceiptPushEndpoints();
        app.MapAlipayEndpoints();
        app.MapAlibabaCompat();
        app.MapApiV1Endpoints();
        app.MapApiDocs();
        return app;
    }
}
