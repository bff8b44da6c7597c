using Qunfa.Web.Features.Sending.Dispatch;
using Qunfa.Web.Workers;

namespace Qunfa.Web.Features.Sending;

public static class SendingRegistration
{
    public static IServiceCollection AddSending(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SendingOptions>(configuration.GetSection(SendingOptions.Section));
        services.AddScoped<SendAcceptance>().AddSingleton<Checks.SendingStates>();
        services.AddScoped<RecordSettlement>();
        services.AddScoped<ReceiptApplier>();
        services.AddSingleton<Dispatcher>().AddSingleton<SubmittedAnswers>().AddSingleton<DispatchSignal>().AddSingleton<CarrierPacer>().AddSingleton<ReceiptFollowUp>().AddSingleton<ReceiptBatcher>();
        services.AddHostedService<DispatchWorker>();
        services.AddHostedService<ReceiptConsumer>();
        Console.SendConsoleRegistration.AddSendConsole(services);
        services.AddScoped<Admin.AdminSendRecords>().AddScoped<Admin.SendRecordExport>();
        return services;
    }
}
