using Qunfa.Emulators;
using Qunfa.Web.Features.Sandbox;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Web.Features.Carrier;

/// <summary>
/// The built-in sandbox carrier: the Alibaba emulator hosted in this process on a loopback port,
/// started the first time the operator's choice needs it, with the demo account's signature and
/// verification templates already approved, and with what the platform's own rows say the carrier had
/// approved or was reviewing (the emulator keeps nothing across a restart). Nothing leaves the machine.
/// With <c>Qunfa:Sandbox:EmulatorUrl</c> set, an emulator already running elsewhere is used instead,
/// so that several nodes (and restarts of one) share one carrier.
/// </summary>
public sealed class SandboxCarrier(IConfiguration configuration, SandboxRestore restore, ILogger<SandboxCarrier> logger) : IAsyncDisposable
{
    public const string EmulatorUrlKey = "Qunfa:Sandbox:EmulatorUrl";

    public const string VerificationTemplateContent = "您的验证码为${code}，5分钟内有效，请勿泄露给他人。";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private EmulatorHost? _host;

    /// <summary>Set only once started; tests and the sandbox tour read the emulator's state through it.</summary>
    public EmulatorHost? Host => _host;

    public bool IsExternal => configuration[EmulatorUrlKey] is { Length: > 0 };

    public async Task<Uri> GetBaseAddressAsync(CancellationToken ct)
    {
        if (configuration[EmulatorUrlKey] is { Length: > 0 } external) return new Uri(external.TrimEnd('/') + "/");
        if (_host is { } running) return running.BaseAddress;
        await _gate.WaitAsync(ct);
        try
        {
            if (_host is null)
            {
                var host = await EmulatorHost.StartAsync(o =>
                {
                    o.ReviewDelay = TimeSpan.FromSeconds(3);
                    o.ReportDelay = TimeSpan.FromSeconds(1);
                }, ct: ct);
                try
                {
                    SeedDemoAccount(host.State);
                    await restore.RestoreAsync(host.State, ct);
                }
                catch
                {
                    await host.DisposeAsync();
                    throw;
                }
                _host = host;
                logger.LogInformation("Sandbox carrier listening on {Address}", host.BaseAddress);
            }
            return _host.BaseAddress;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The demo account's approved signature and verification templates.</summary>
    public static void SeedDemoAccount(EmulatorState state)
    {
        state.SeedSign(SandboxAccount.SignName, signType: 1);
        foreach (var code in new[] { SandboxAccount.RegisterTemplate, SandboxAccount.ResetPasswordTemplate, SandboxAccount.ChangePhoneTemplate })
            state.SeedTemplate(code, VerificationTemplateContent, templateType: 0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _gate.Dispose();
    }
}
