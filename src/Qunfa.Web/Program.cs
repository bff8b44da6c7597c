using Qunfa.Web;
using Qunfa.Web.Data;
using Qunfa.Web.Infrastructure.Settings;

var builder = WebApplication.CreateBuilder(args);
var settings = StartupSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);

builder.Services.AddQunfaDatabase(settings);
builder.Services.AddQunfaWeb(settings, builder.Configuration);

var app = builder.Build();
app.UseQunfaPipeline(settings);
await app.MigrateQunfaDatabaseAsync();
await app.RunAsync();

public partial class Program;
