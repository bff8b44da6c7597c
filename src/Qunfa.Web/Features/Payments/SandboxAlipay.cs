using Qunfa.Emulators.Alipay;

namespace Qunfa.Web.Features.Payments;

/// <summary>
/// The built-in sandbox for 支付配置's 沙箱 choice: the Alipay emulator hosted in this process on a loopback port,
/// started the first time the operator's choice needs it, knowing only the demo merchant of
/// <see cref="AlipayEmulatorDefaults"/>. Nothing leaves the machine; no real money moves.
/// </summary>
public sealed class SandboxAlipay(ILogger<SandboxAlipay> logger, IConfiguration configuration) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AlipayEmulatorHost? _host;

    /// <summary>Set only once started; tests read the emulator's trades and notifications through it.</summary>
    public AlipayEmulatorHost? Host => _host;

    public async Task<Uri> GetGatewayAsync(CancellationToken ct)
    {
        if (_host is { } running) return running.GatewayUrl;
        await _gate.WaitAsync(ct);
        try
        {
            if (_host is null)
            {
                // Retries of unanswered notifications follow Alipay's schedule; tests may compress it.
                var scale = configuration.GetValue<double?>("Qunfa:Payments:SandboxTimeScale") ?? 1.0;
                _host = await AlipayEmulatorHost.StartAsync(o => o.TimeScale = scale);
                logger.LogInformation("Sandbox Alipay listening on {Address}", _host.BaseAddress);
            }
            return _host.GatewayUrl;
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
