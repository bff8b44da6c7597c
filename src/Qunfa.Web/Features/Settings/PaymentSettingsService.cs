using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Settings;

public sealed partial class PaymentSettingsService(QunfaDbContext db, SecretProtector secrets, TimeProvider time)
{
    public Task<PaymentSettings?> GetAsync(CancellationToken ct) =>
        db.PaymentSettings.FirstOrDefaultAsync(p => p.Id == PaymentSettings.SingletonId, ct);

    /// <summary>Validates and stages the change; the caller saves it together with its log entry.</summary>
    public async Task<Outcome> StageAsync(PaymentSettingsInput input, CancellationToken ct)
    {
        var existing = await GetAsync(ct);
        var o = new Outcome().Require(nameof(input.PartnerId), input.PartnerId, "请填写合作者身份ID");
        if (!string.IsNullOrWhiteSpace(input.PartnerId) && !PartnerPattern().IsMatch(input.PartnerId.Trim()))
            o.Add(nameof(input.PartnerId), "合作者身份ID为2088开头的16位数字");
        if (existing is null || existing.ProtectedMd5Key.Length == 0)
            o.Require(nameof(input.Md5Key), input.Md5Key, "请填写MD5密钥");
        if (!string.IsNullOrWhiteSpace(input.Md5Key) && !Md5KeyPattern().IsMatch(input.Md5Key.Trim()))
            o.Add(nameof(input.Md5Key), "MD5密钥为32位字母或数字");
        o.Require(nameof(input.CallbackHost), input.CallbackHost, "请填写支付宝回调地址");
        if (!string.IsNullOrWhiteSpace(input.CallbackHost) && !IsHost(input.CallbackHost.Trim()))
            o.Add(nameof(input.CallbackHost), "回调地址应为IP地址或域名");
        if (input.CallbackPort is not (>= 1 and <= 65535))
            o.Add(nameof(input.CallbackPort), "端口应为1-65535之间的数字");
        if (input.CallbackScheme is not ("http" or "https"))
            o.Add(nameof(input.CallbackScheme), "请选择访问类型http或https");
        if (!o.Succeeded) return o;

        var settings = existing ?? db.PaymentSettings.Add(new PaymentSettings()).Entity;
        settings.PartnerId = input.PartnerId!.Trim();
        if (!string.IsNullOrWhiteSpace(input.Md5Key))
            settings.ProtectedMd5Key = secrets.Protect(input.Md5Key.Trim());
        settings.CallbackHost = input.CallbackHost!.Trim();
        settings.CallbackPort = input.CallbackPort!.Value;
        settings.CallbackScheme = input.CallbackScheme;
        settings.UpdatedAt = time.GetUtcNow();
        return o;
    }

    private static bool IsHost(string value) =>
        IPAddress.TryParse(value, out _) || Uri.CheckHostName(value) == UriHostNameType.Dns && value.Length <= 100;

    [GeneratedRegex(@"^2088\d{12}$")]
    private static partial Regex PartnerPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]{32}$")]
    private static partial Regex Md5KeyPattern();
}
