using Qunfa.Web;
using Qunfa.Web.Data;
using Qunfa.Web.Features.Statistics;
using Qunfa.Web.Infrastructure.Settings;

var builder = WebApplication.CreateBuilder(RollupCommand.HostArguments(args));
var settings = StartupSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);

builder.Services.AddQunfaDatabase(settings);
builder.Services.AddQunfaWeb(settings, builder.Configuration);

var app = builder.Build();
if (RollupCommand.Matches(args))
{
    await app.MigrateQunfaDatabaseAsync();
    Environment.ExitCode = await RollupCommand.RunAsync(app.Services, CancellationToken.None);
    return;
}
app.UseQunfaPipeline(settings);
await app.MigrateQunfaDatabaseAsync();
await app.RunAsync();

public partial class Program;
