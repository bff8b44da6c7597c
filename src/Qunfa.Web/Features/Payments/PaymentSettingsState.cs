using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Alipay.Configuration;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Features.Payments;

/// <summary>What 支付配置 holds, decrypted, with the gateways it points at (Alipay's, or the in-process sandbox).</summary>
public sealed record PaymentSnapshot(
    bool Configured,
    PaymentProtocol Protocol,
    CarrierKind Gateway,
    AlipayMd5Settings Md5,
    AlipayRsa2Settings Rsa2,
    string CallbackScheme,
    string CallbackHost,
    int CallbackPort)
{
    public static readonly PaymentSnapshot None = new(false, PaymentProtocol.Md5, CarrierKind.Aliyun, new(), new(), "http", "", 0);

    /// <summary>The seller a notification must name: the partner id when one is configured.</summary>
    public string? ExpectedSellerId => string.IsNullOrWhiteSpace(Md5.Partner) ? null : Md5.Partner;

    /// <summary>Whether the protocol new orders use has every credential it needs.</summary>
    public bool CanPay => Configured && CallbackHost.Length > 0 && (Protocol == PaymentProtocol.Md5 ? Md5.IsConfigured : Rsa2.IsConfigured);

    /// <summary>An absolute callback URL from 支付宝回调地址 (IP+端口) and 访问类型; no query string of its own.</summary>
    public Uri Callback(string path)
    {
        var builder = new UriBuilder(CallbackScheme, CallbackHost, CallbackPort) { Path = path };
        return builder.Uri;
    }
}

/// <summary>
/// Serves 支付配置 to the Alipay clients (<see cref="IAlipaySettingsProvider"/>). Every payment operation refreshes it
/// from the database first, so a change saved on any node applies to the next order, notification or query.
/// </summary>
public sealed class PaymentSettingsState(
    IServiceScopeFactory scopes,
    SecretProtector secrets,
    SandboxAlipay sandbox,
    IOptionsMonitor<AlipayOptions> options,
    ILogger<PaymentSettingsState> logger) : IAlipaySettingsProvider
{
    private PaymentSnapshot _current = PaymentSnapshot.None;

    public PaymentSnapshot Current => _current;

    public AlipayMd5Settings GetMd5() => _current.Md5;

    public AlipayRsa2Settings GetRsa2() => _current.Rsa2;

    public async Task<PaymentSnapshot> RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QunfaDbContext>();
        var settings = await db.PaymentSettings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PaymentSettings.SingletonId, ct);
        _current = settings is null ? PaymentSnapshot.None : await BuildAsync(settings, ct);
        return _current;
    }

    private async Task<PaymentSnapshot> BuildAsync(PaymentSettings s, CancellationToken ct)
    {
        var configured = options.CurrentValue;
        Uri md5Gateway, rsa2Gateway;
        if (s.Gateway == CarrierKind.Sandbox)
            md5Gateway = rsa2Gateway = await sandbox.GetGatewayAsync(ct);
        else
        {
            md5Gateway = configured.Md5.Gateway;
            rsa2Gateway = configured.Rsa2.Gateway;
        }
        return new PaymentSnapshot(
            true,
            s.Protocol,
            s.Gateway,
            new AlipayMd5Settings { Gateway = md5Gateway, Partner = Empty(s.PartnerId), Md5Key = Empty(Unprotect(s.ProtectedMd5Key)) },
            new AlipayRsa2Settings
            {
                Gateway = rsa2Gateway,
                AppId = Empty(s.AppId),
                AppPrivateKey = Empty(Unprotect(s.ProtectedAppPrivateKey)),
                AlipayPublicKey = Empty(s.AlipayPublicKey),
            },
            s.CallbackScheme,
            s.CallbackHost,
            s.CallbackPort);
    }

    private string? Unprotect(string? protectedSecret)
    {
        if (string.IsNullOrEmpty(protectedSecret)) return null;
        try
        {
            return secrets.Unprotect(protectedSecret);
        }
        catch (CryptographicException ex)
        {
            // Keys from another installation: payments stay off until the operator enters the secret again.
            logger.LogError(ex, "A payment secret in the payment settings cannot be decrypted");
            return null;
        }
    }

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
