namespace Qunfa.Web.Features.Sending.Records;

public static class RecordRegistration
{
    public static IServiceCollection AddRecordSearch(this IServiceCollection services) => services.AddScoped<RecordSearch>();
}
