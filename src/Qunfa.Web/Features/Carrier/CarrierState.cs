using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Features.Carrier;

/// <summary>
/// Holds the current <see cref="CarrierSnapshot"/>. Refreshed at start-up, after every change of AK 管理
/// on this node, and periodically so that a change made on another node arrives too. A refresh that
/// changes the carrier signals the Alibaba client's options to rebuild (endpoints, sandbox or real).
/// </summary>
public sealed class CarrierState(IServiceScopeFactory scopes, SandboxCarrier sandbox, SecretProtector secrets)
{
    private CarrierSnapshot _current = CarrierSnapshot.None;
    private CancellationTokenSource _changed = new();

    public CarrierSnapshot Current => _current;

    public IChangeToken ChangeToken => new CancellationChangeToken(_changed.Token);

    public async Task<CarrierSnapshot> RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var account = await db.CarrierAccounts.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(ct);
        var next = account is null ? CarrierSnapshot.None : new CarrierSnapshot(
            account.Carrier,
            new(account.AccessKeyId, secrets.Unprotect(account.ProtectedAccessKeySecret)),
            account.RegisterScene,
            account.ResetPasswordScene,
            account.ChangePhoneScene,
            account.ReportQueueName,
            account.InboundQueueName,
            account.Carrier == CarrierKind.Sandbox ? await sandbox.GetBaseAddressAsync(ct) : null);

        if (!Same(next, _current))
        {
            _current = next;
            var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
            await previous.CancelAsync();
            previous.Dispose();
        }
        return _current;
    }

    // Records compare the scenes by reference; compare what the client depends on instead.
    private static bool Same(CarrierSnapshot a, CarrierSnapshot b) =>
        a.Kind == b.Kind && a.Credentials == b.Credentials && a.SandboxBaseAddress == b.SandboxBaseAddress
        && a.ReportQueueName == b.ReportQueueName && a.InboundQueueName == b.InboundQueueName
        && SameScene(a.Register, b.Register) && SameScene(a.ResetPassword, b.ResetPassword) && SameScene(a.ChangePhone, b.ChangePhone);

    private static bool SameScene(VerificationScene a, VerificationScene b) =>
        a.SignName == b.SignName && a.TemplateCode == b.TemplateCode && a.VariableName == b.VariableName;
}
