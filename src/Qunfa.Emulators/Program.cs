using Qunfa.Emulators;

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.ConfigureKestrel(KestrelLimits.Apply);
builder.Services.AddAliyunEmulator(o => builder.Configuration.GetSection("Emulator").Bind(o));
var app = builder.Build();
app.MapAliyunEmulator();
app.Run();
