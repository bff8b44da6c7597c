namespace Qunfa.Web.Features.Sending.Console;

public static class SendConsoleRegistration
{
    /// <summary>The customer's 发送短信 and 发送记录 pages: the preview store, the composer and the record queries.</summary>
    public static IServiceCollection AddSendConsole(this IServiceCollection services)
    {
        services.AddSingleton<SendUploadStore>();
        services.AddSingleton<RecipientProgress>();
        services.AddScoped<SendComposer>();
        services.AddScoped<CustomerSendQueries>();
        services.AddScoped<ConsoleTaskActions>();
        services.AddScoped<TaskProgress>();
        return services;
    }
}
