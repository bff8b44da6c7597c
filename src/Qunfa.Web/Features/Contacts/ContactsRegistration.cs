namespace Qunfa.Web.Features.Contacts;

public static class ContactsRegistration
{
    /// <summary>通讯录: groups and contacts, their import and export, and the groups a send may name.</summary>
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddScoped<ContactBook>();
        services.AddScoped<ContactImport>();
        services.AddScoped<ContactExport>();
        services.AddScoped<GroupRecipients>();
        return services;
    }
}
