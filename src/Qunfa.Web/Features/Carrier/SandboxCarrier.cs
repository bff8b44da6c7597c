using Qunfa.Emulators;
using Qunfa.Web.Features.Settings;

namespace Qunfa.Web.Features.Carrier;

/// <summary>
/// The built-in sandbox carrier: the Alibaba emulator hosted in this process on a loopback port,
/// started the first time the operator's choice needs it, with the demo account's signature and
/// verification templates already approved. Nothing leaves the machine.
/// </summary>
public sealed class SandboxCarrier(ILogger<SandboxCarrier> logger) : IAsyncDisposable
{
    public const string VerificationTemplateContent = "您的验证码为${code}，5分钟内有效，请勿泄露给他人。";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private EmulatorHost? _host;

    /// <summary>Set only once started; tests and the sandbox tour read the emulator's state through it.</summary>
    public EmulatorHost? Host => _host;

    public async Task<Uri> GetBaseAddressAsync(CancellationToken ct)
    {
        if (_host is { } running) return running.BaseAddress;
        await _gate.WaitAsync(ct);
        try
        {
            if (_host is null)
            {
                _host = await EmulatorHost.StartAsync(o =>
                {
                    o.ReviewDelay = TimeSpan.FromSeconds(3);
                    o.ReportDelay = TimeSpan.FromSeconds(1);
                }, ct: ct);
                _host.State.SeedSign(SandboxAccount.SignName, signType: 1);
                foreach (var code in new[] { SandboxAccount.RegisterTemplate, SandboxAccount.ResetPasswordTemplate, SandboxAccount.ChangePhoneTemplate })
                    _host.State.SeedTemplate(code, VerificationTemplateContent, templateType: 0);
                logger.LogInformation("Sandbox carrier listening on {Address}", _host.BaseAddress);
            }
            return _host.BaseAddress;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        _gate.Dispose();
    }
}
