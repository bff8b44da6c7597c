using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Features.Payments;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Settings;

public sealed partial class PaymentSettingsService(QunfaDbContext db, SecretProtector secrets, TimeProvider time)
{
    public const int MaxKeyLength = 4000;

    public Task<PaymentSettings?> GetAsync(CancellationToken ct) =>
        db.PaymentSettings.FirstOrDefaultAsync(p => p.Id == PaymentSettings.SingletonId, ct);

    /// <summary>Validates and stages the change; the caller saves it together with its log entry.</summary>
    public async Task<Outcome> StageAsync(PaymentSettingsInput input, CancellationToken ct)
    {
        var existing = await GetAsync(ct);
        var o = new Outcome();
        if (!Enum.IsDefined(input.Protocol)) o.Add(nameof(input.Protocol), "请选择支付方式");
        if (!Enum.IsDefined(input.Gateway)) o.Add(nameof(input.Gateway), "请选择支付网关");
        if (input.Gateway == CarrierKind.Sandbox) SandboxMerchant.FillBlanks(input);

        var md5 = input.Protocol == PaymentProtocol.Md5;
        if (md5) o.Require(nameof(input.PartnerId), input.PartnerId, "请填写合作者身份ID");
        if (!string.IsNullOrWhiteSpace(input.PartnerId) && !PartnerPattern().IsMatch(input.PartnerId.Trim()))
            o.Add(nameof(input.PartnerId), "合作者身份ID为2088开头的16位数字");
        if (md5 && (existing is null || existing.ProtectedMd5Key.Length == 0))
            o.Require(nameof(input.Md5Key), input.Md5Key, "请填写MD5密钥");
        if (!string.IsNullOrWhiteSpace(input.Md5Key) && !Md5KeyPattern().IsMatch(input.Md5Key.Trim()))
            o.Add(nameof(input.Md5Key), "MD5密钥为32位字母或数字");

        var rsa2 = input.Protocol == PaymentProtocol.Rsa2;
        if (rsa2) o.Require(nameof(input.AppId), input.AppId, "请填写应用APPID");
        if (!string.IsNullOrWhiteSpace(input.AppId) && !AppIdPattern().IsMatch(input.AppId.Trim()))
            o.Add(nameof(input.AppId), "应用APPID为16位数字");
        if (rsa2 && string.IsNullOrEmpty(existing?.ProtectedAppPrivateKey))
            o.Require(nameof(input.AppPrivateKey), input.AppPrivateKey, "请填写应用私钥");
        if (!string.IsNullOrWhiteSpace(input.AppPrivateKey) && !IsPrivateKey(input.AppPrivateKey.Trim()))
            o.Add(nameof(input.AppPrivateKey), "应用私钥无法读取，请填写PKCS8格式的RSA私钥");
        if (rsa2) o.Require(nameof(input.AlipayPublicKey), input.AlipayPublicKey, "请填写支付宝公钥");
        if (!string.IsNullOrWhiteSpace(input.AlipayPublicKey) && !IsPublicKey(input.AlipayPublicKey.Trim()))
            o.Add(nameof(input.AlipayPublicKey), "支付宝公钥无法读取，请填写RSA公钥");

        o.Require(nameof(input.CallbackHost), input.CallbackHost, "请填写支付宝回调地址");
        if (!string.IsNullOrWhiteSpace(input.CallbackHost) && !IsHost(input.CallbackHost.Trim()))
            o.Add(nameof(input.CallbackHost), "回调地址应为IP地址或域名");
        if (input.CallbackPort is not (>= 1 and <= 65535))
            o.Add(nameof(input.CallbackPort), "端口应为1-65535之间的数字");
        if (input.CallbackScheme is not ("http" or "https"))
            o.Add(nameof(input.CallbackScheme), "请选择访问类型http或https");
        if (input.Gateway == CarrierKind.Aliyun)
        {
            // A blank secret keeps the stored one, which may still be the demo key the sandbox filled in.
            var md5Key = string.IsNullOrWhiteSpace(input.Md5Key) ? secrets.TryUnprotect(existing?.ProtectedMd5Key) : input.Md5Key;
            var privateKey = string.IsNullOrWhiteSpace(input.AppPrivateKey) ? secrets.TryUnprotect(existing?.ProtectedAppPrivateKey) : input.AppPrivateKey;
            foreach (var field in SandboxMerchant.DemoFields(input.Protocol, input.PartnerId, md5Key, input.AppId, privateKey, input.AlipayPublicKey))
                o.Add(field, SandboxMerchant.PublicKeyMessage);
        }
        if (!o.Succeeded) return o;

        var settings = existing ?? db.PaymentSettings.Add(new PaymentSettings()).Entity;
        settings.Protocol = input.Protocol;
        settings.Gateway = input.Gateway;
        settings.PartnerId = input.PartnerId?.Trim() ?? "";
        if (!string.IsNullOrWhiteSpace(input.Md5Key))
            settings.ProtectedMd5Key = secrets.Protect(input.Md5Key.Trim());
        settings.AppId = string.IsNullOrWhiteSpace(input.AppId) ? null : input.AppId.Trim();
        if (!string.IsNullOrWhiteSpace(input.AppPrivateKey))
            settings.ProtectedAppPrivateKey = secrets.Protect(input.AppPrivateKey.Trim());
        settings.AlipayPublicKey = string.IsNullOrWhiteSpace(input.AlipayPublicKey) ? null : input.AlipayPublicKey.Trim();
        settings.CallbackHost = input.CallbackHost!.Trim();
        settings.CallbackPort = input.CallbackPort!.Value;
        settings.CallbackScheme = input.CallbackScheme;
        settings.UpdatedAt = time.GetUtcNow();
        return o;
    }

    /// <summary>
    /// Whether payments still go through the sandbox, or through Alipay with the demo merchant's published keys: either
    /// way anyone can sign a payment notification.
    /// </summary>
    public bool UsesSandbox(PaymentSettings settings) =>
        settings.Gateway == CarrierKind.Sandbox
        || SandboxMerchant.DemoFields(settings.Protocol, settings.PartnerId, secrets.TryUnprotect(settings.ProtectedMd5Key), settings.AppId,
            secrets.TryUnprotect(settings.ProtectedAppPrivateKey), settings.AlipayPublicKey).Count > 0;

    /// <summary>
    /// The wizard's sandbox choice: the demo merchant at the built-in sandbox gateway, called back at the address the
    /// operator is using, so that a fresh installation can buy a package end to end. An existing 支付配置 is kept.
    /// </summary>
    public async Task StageSandboxAsync(string scheme, string host, int port, CancellationToken ct)
    {
        if (await GetAsync(ct) is not null) return;
        var input = new PaymentSettingsInput
        {
            Protocol = PaymentProtocol.Md5,
            Gateway = CarrierKind.Sandbox,
            CallbackScheme = scheme == "https" ? "https" : "http",
            CallbackHost = host,
            CallbackPort = port,
        };
        var outcome = await StageAsync(input, ct);
        if (!outcome.Succeeded)
            throw new InvalidOperationException("The sandbox payment settings do not validate: " + string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
    }

    internal static bool IsPrivateKey(string key)
    {
        if (key.Length > MaxKeyLength) return false;
        try
        {
            using var rsa = RSA.Create();
            if (key.Contains("-----BEGIN", StringComparison.Ordinal)) rsa.ImportFromPem(key);
            else
            {
                var der = Convert.FromBase64String(key);
                try { rsa.ImportPkcs8PrivateKey(der, out _); }
                catch (CryptographicException) { rsa.ImportRSAPrivateKey(der, out _); }
            }
            return rsa.KeySize >= 1024 && rsa.ExportParameters(includePrivateParameters: true).D is not null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    internal static bool IsPublicKey(string key)
    {
        if (key.Length > MaxKeyLength) return false;
        try
        {
            using var rsa = RSA.Create();
            if (key.Contains("-----BEGIN", StringComparison.Ordinal)) rsa.ImportFromPem(key);
            else rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(key), out _);
            return rsa.KeySize >= 1024;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static bool IsHost(string value) =>
        IPAddress.TryParse(value, out _) || Uri.CheckHostName(value) == UriHostNameType.Dns && value.Length <= 100;

    [GeneratedRegex(@"^2088\d{12}$")]
    private static partial Regex PartnerPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]{32}$")]
    private static partial Regex Md5KeyPattern();

    [GeneratedRegex(@"^\d{16}$")]
    private static partial Regex AppIdPattern();
}
