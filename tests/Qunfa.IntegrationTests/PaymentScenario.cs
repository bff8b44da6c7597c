using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Emulators.Alipay;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Payments;

namespace Qunfa.IntegrationTests;

/// <summary>An installation on the sandbox carrier and sandbox Alipay, a customer, a product, and signed Alipay messages.</summary>
public sealed partial class PaymentScenario : IAsyncDisposable
{
    public const string Partner = AlipayEmulatorDefaults.Partner;
    public const string Md5Key = AlipayEmulatorDefaults.Md5Key;
    public const string AppId = AlipayEmulatorDefaults.AppId;
    public const string UnreachableGateway = "http://127.0.0.1:9/gateway.do";

    private PaymentScenario(QunfaApp app, PageClient admin, PageClient customer)
    {
        App = app;
        Admin = admin;
        Customer = customer;
    }

    public QunfaApp App { get; }
    public PageClient Admin { get; }
    public PageClient Customer { get; }

    /// <summary>In memory, or on loopback so that the sandbox can call notify_url.</summary>
    public static async Task<PaymentScenario> StartAsync(DatabaseKind db, bool loopback = false)
    {
        var settings = new Dictionary<string, string>
        {
            ["Qunfa:Payments:SandboxTimeScale"] = "0.001",
            // "Real Alipay" of the tests that go live: a closed loopback port, so nothing ever leaves the machine.
            ["Qunfa:Alipay:Md5:Gateway"] = UnreachableGateway,
            ["Qunfa:Alipay:Rsa2:Gateway"] = UnreachableGateway,
        };
        var app = loopback ? await QunfaApp.StartOnLoopbackAsync(db, settings) : await QunfaApp.StartAsync(db, settings);
        var admin = loopback ? LoopbackClient(app) : app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(admin);
        await SetupScenario.LoginAsync(admin);
        var customer = loopback ? LoopbackClient(app) : app.CreatePageClient();
        await CustomerScenario.RegisterAsync(app, customer, "13900139301", "buyer@example.com", "购买企业");
        return new PaymentScenario(app, admin, customer);
    }

    public static PageClient LoopbackClient(QunfaApp app) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri });

    public async Task<PageClient> OtherCustomerAsync(string phone, string email)
    {
        var client = App.CreatePageClient();
        await CustomerScenario.RegisterAsync(App, client, phone, email, "别家企业");
        return client;
    }

    public async Task<AlipayEmulatorState> SandboxAsync()
    {
        await App.Services.GetRequiredService<PaymentSettingsState>().RefreshAsync(CancellationToken.None);
        return App.Services.GetRequiredService<SandboxAlipay>().Host?.State ?? throw new InvalidOperationException("Sandbox Alipay not started");
    }

    public Task<int> ProductAsync(long priceFen = 38000, SmsCategory category = SmsCategory.Notification, int size = 10000, int months = 12) =>
        App.WithDbAsync(async d =>
        {
            var p = new PackageProduct
            {
                Name = "通知包" + size, Category = category, Size = size, PriceFen = priceFen, ValidityMonths = months, Recommended = true,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            d.PackageProducts.Add(p);
            await d.SaveChangesAsync();
            return p.Id;
        });

    /// <summary>立即购买 → the new order's number (the page it redirects to).</summary>
    public async Task<string> BuyAsync(int productId, PageClient? client = null)
    {
        var response = await (client ?? Customer).PostFormAsync("/console/orders/create",
            new Dictionary<string, string> { ["ProductId"] = productId.ToString(CultureInfo.InvariantCulture) }, formPath: "/console/orders");
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        var match = OrderLocation().Match(response.Location ?? "");
        Assert.True(match.Success, response.Location);
        return match.Groups[1].Value;
    }

    public Task<Order> OrderAsync(string number) =>
        App.WithDbAsync(d => d.Orders.AsNoTracking().SingleAsync(o => o.OrderNumber == number));

    public Task<List<PackageGrant>> GrantsAsync() => App.WithDbAsync(d => d.PackageGrants.AsNoTracking().ToListAsync());

    /// <summary>Switches 支付配置 to the open platform at the sandbox (the demo app's keys fill the blanks).</summary>
    public async Task UseRsa2Async()
    {
        var callback = await App.WithDbAsync(d => d.PaymentSettings.AsNoTracking().SingleAsync());
        var response = await Admin.PostFormAsync("/admin/settings/paymentedit", new Dictionary<string, string>
        {
            ["Input.Protocol"] = "Rsa2",
            ["Input.Gateway"] = "Sandbox",
            ["Input.PartnerId"] = Partner,
            ["Input.CallbackHost"] = callback.CallbackHost,
            ["Input.CallbackPort"] = callback.CallbackPort.ToString(CultureInfo.InvariantCulture),
            ["Input.CallbackScheme"] = callback.CallbackScheme,
        });
        Assert.True(response.IsRedirectTo("/admin/settings/payment"), response.Html[..Math.Min(500, response.Html.Length)]);
    }

    /// <summary>Saves 支付配置 with <paramref name="merchant"/>'s fields (blank ones keep the stored secrets), the callback unchanged.</summary>
    public async Task<PageResponse> SavePaymentSettingsAsync(string protocol, string gateway, IDictionary<string, string>? merchant = null)
    {
        var callback = await App.WithDbAsync(d => d.PaymentSettings.AsNoTracking().SingleAsync());
        var fields = new Dictionary<string, string>(merchant ?? new Dictionary<string, string>())
        {
            ["Input.Protocol"] = protocol,
            ["Input.Gateway"] = gateway,
            ["Input.CallbackHost"] = callback.CallbackHost,
            ["Input.CallbackPort"] = callback.CallbackPort.ToString(CultureInfo.InvariantCulture),
            ["Input.CallbackScheme"] = callback.CallbackScheme,
        };
        return await Admin.PostFormAsync("/admin/settings/paymentedit", fields);
    }

    /// <summary>Back to the sandbox: the demo merchant fills every field.</summary>
    public async Task UseSandboxAsync() =>
        Assert.True((await SavePaymentSettingsAsync("Md5", "Sandbox")).IsRedirectTo("/admin/settings/payment"));

    /// <summary>A create_direct_pay_by_user-style notification signed with <paramref name="key"/>.</summary>
    public static List<KeyValuePair<string, string>> Md5Notification(string orderNumber, string tradeNo, long fen, string notifyId,
        string seller = Partner, string status = "TRADE_SUCCESS", string key = Md5Key, bool isReturn = false)
    {
        var yuan = Yuan(fen);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("notify_time", "2026-11-28 12:00:00"), new("notify_type", "trade_status_sync"), new("notify_id", notifyId),
            new("out_trade_no", orderNumber), new("subject", "短信包"), new("payment_type", "1"), new("trade_no", tradeNo),
            new("trade_status", status), new("seller_id", seller), new("buyer_id", "2088722003899169"), new("total_fee", yuan),
            new("gmt_payment", "2026-11-28 11:59:00"),
        };
        if (isReturn) { fields.Add(new("is_success", "T")); fields.Add(new("exterface", "create_direct_pay_by_user")); }
        var content = string.Join("&", fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
        var sign = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content + key)));
        fields.Add(new("sign", sign));
        fields.Add(new("sign_type", "MD5"));
        return fields;
    }

    /// <summary>An open-platform notification signed with <paramref name="privateKeyPem"/> (the sandbox's "Alipay" key by default).</summary>
    public static List<KeyValuePair<string, string>> Rsa2Notification(string orderNumber, string tradeNo, long fen,
        string appId = AppId, string seller = Partner, string? privateKeyPem = null)
    {
        var yuan = Yuan(fen);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("app_id", appId), new("auth_app_id", appId), new("charset", "utf-8"), new("version", "1.0"),
            new("notify_time", "2026-11-28 12:00:00"), new("notify_type", "trade_status_sync"), new("notify_id", Guid.NewGuid().ToString("N")),
            new("out_trade_no", orderNumber), new("trade_no", tradeNo), new("trade_status", "TRADE_SUCCESS"), new("total_amount", yuan),
            new("seller_id", seller), new("gmt_payment", "2026-11-28 11:59:00"), new("subject", "短信包 测试+1"),
        };
        var content = string.Join("&", fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem ?? AlipayEmulatorDefaults.AlipayPrivateKeyPem);
        fields.Add(new("sign", Convert.ToBase64String(rsa.SignData(Encoding.UTF8.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))));
        fields.Add(new("sign_type", "RSA2"));
        return fields;
    }

    public static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string key, string value) =>
        [.. fields.Select(f => f.Key == key ? new KeyValuePair<string, string>(key, value) : f)];

    public async Task<string> NotifyAsync(string protocol, IEnumerable<KeyValuePair<string, string>> fields, HttpClient? http = null)
    {
        using var client = http is null ? App.CreateClient() : null;
        using var response = await (http ?? client!).PostAsync("/api/alipay/notify/" + protocol, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static string Yuan(long fen) => string.Create(CultureInfo.InvariantCulture, $"{fen / 100}.{fen % 100:00}");

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Customer.Dispose();
        await App.DisposeAsync();
    }

    [GeneratedRegex(@"/console/orders/detail\?no=([0-9a-z]{16})$")]
    private static partial Regex OrderLocation();
}
