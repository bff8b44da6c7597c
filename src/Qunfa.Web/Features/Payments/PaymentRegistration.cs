using Qunfa.Alipay.Configuration;
using Qunfa.Web.Features.Orders;
using Qunfa.Web.Workers;

namespace Qunfa.Web.Features.Payments;

public static class PaymentRegistration
{
    /// <summary>Orders and Alipay: the protocol clients fed from 支付配置, the sandbox, notifications, the voiding worker.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddQunfaAlipay(configuration.GetSection(AlipayOptions.SectionName));
        services.AddSingleton<SandboxAlipay>();
        services.AddSingleton<PaymentSettingsState>();
        // Replaces the options-backed default: credentials come from the database, decrypted.
        services.AddSingleton<IAlipaySettingsProvider>(sp => sp.GetRequiredService<PaymentSettingsState>());
        services.AddScoped<PaymentGateway>();
        services.AddScoped<PaymentApplier>();
        services.AddScoped<AlipayNotifications>();
        services.AddScoped<OrderService>();
        services.AddScoped<AdminOrders>();
        services.AddScoped<OrderExport>();
        services.Configure<OrderVoidingOptions>(configuration.GetSection(OrderVoidingOptions.Section));
        services.AddSingleton<OrderVoidingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OrderVoidingWorker>());
        return services;
    }
}
