using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Sms;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Settings;

namespace Qunfa.IntegrationTests.AlibabaCompat;

/// <summary>A customer with the sandbox signature, one template, a balance and an API key pair, on a real host.</summary>
internal sealed class CompatScenario : IAsyncDisposable
{
    public const string TemplateCode = "SMS_900000300";
    public const string Content = "您的订单${order}已发货";
    /// <summary>The host TestServer requests carry.</summary>
    public const string TestServerHost = "localhost";

    private static readonly Dictionary<string, string> FastEngine = new()
    {
        ["Qunfa:Sending:IdleDelay"] = "00:00:00.050",
        ["Qunfa:Sending:RetryDelay"] = "00:00:00.200",
        ["Qunfa:Sending:RecoveryDelay"] = "00:00:02",
    };

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly bool _loopback;

    private CompatScenario(QunfaApp app, bool loopback, HttpClient http, int customerId, int grantId, ApiKeyService.Issued key)
    {
        App = app;
        _loopback = loopback;
        Http = http;
        CustomerId = customerId;
        GrantId = grantId;
        KeyId = key.Key.AccessKeyId;
        KeyDbId = key.Key.Id;
        Secret = key.Secret;
    }

    public QunfaApp App { get; }
    public Uri BaseAddress => _loopback ? App.RootUri : App.Server.BaseAddress;
    public string Host => BaseAddress.Authority;
    public HttpClient Http { get; }
    public int CustomerId { get; }
    public int GrantId { get; }
    public string KeyId { get; }
    public int KeyDbId { get; }
    public string Secret { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary><paramref name="loopback"/> serves on Kestrel, whose request limits TestServer does not have.</summary>
    public static async Task<CompatScenario> StartAsync(DatabaseKind db, int balance = 10, bool loopback = false)
    {
        var app = loopback ? await QunfaApp.StartOnLoopbackAsync(db, FastEngine) : await QunfaApp.StartAsync(db, FastEngine);
        using var client = loopback
            ? new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri })
            : app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, "13800000000", "api@example.com");
        CustomerScenario.Sandbox(app).SeedTemplate(TemplateCode, Content, templateType: 1);
        await using var scope = app.Services.CreateAsyncScope();
        var assignment = scope.ServiceProvider.GetRequiredService<Assignment>();
        await assignment.AssignSignAsync(SandboxAccount.SignName, SignatureType.General, null, Ct);
        await assignment.AssignTemplateAsync(TemplateCode, null, Ct);
        var (customerId, grantId) = await app.WithDbAsync(async d =>
        {
            var customer = await d.Customers.SingleAsync();
            var grant = new PackageGrant
            {
                CustomerId = customer.Id, Category = SmsCategory.Notification, Size = balance, Status = GrantStatus.Active,
                Source = GrantSource.Allocated, ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            d.PackageGrants.Add(grant);
            await d.SaveChangesAsync();
            return (customer.Id, grant.Id);
        });
        var key = await CreateKeyAsync(app, customerId);
        var http = loopback ? new HttpClient { BaseAddress = app.RootUri } : app.CreateClient();
        return new CompatScenario(app, loopback, http, customerId, grantId, key);
    }

    public static async Task<ApiKeyService.Issued> CreateKeyAsync(QunfaApp app, int customerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (issued, outcome) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(customerId, "订单系统", Ct);
        Assert.True(outcome.Succeeded);
        return issued!;
    }

    /// <summary>Our own Alibaba client (the same wire protocol as Alibaba's SDKs) pointed at the Qunfa host.</summary>
    public IAliyunSmsClient AliyunClient(string endpoint, AliyunSignatureVersion version, string? keyId = null, string? secret = null)
    {
        var services = new ServiceCollection();
        services.AddQunfaAliyun(o =>
        {
            o.SmsEndpoint = new Uri(BaseAddress, endpoint);
            o.SignatureVersion = version;
            o.AccessKeyId = keyId ?? KeyId;
            o.AccessKeySecret = secret ?? Secret;
            o.QueryRetryCount = 0;
        });
        if (!_loopback)
            services.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = App.Server.CreateHandler()));
        var provider = services.BuildServiceProvider();
        _owned.Add(provider);
        return provider.GetRequiredService<IAliyunSmsClient>();
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            using var document = JsonDocument.Parse(text);
            return ((int)response.StatusCode, document.RootElement.Clone());
        }
    }

    public HttpRequestMessage V1(string action, IDictionary<string, string> parameters, string path = "/aliyun/", string method = "GET",
        bool asForm = false, string? keyId = null, string? secret = null, DateTimeOffset? at = null, string? nonce = null) =>
        ReferenceSigners.V1(path, action, parameters, keyId ?? KeyId, secret ?? Secret, method, asForm, "JSON", at, nonce);

    public HttpRequestMessage V3(string action, IDictionary<string, string> parameters, string path = "/aliyun/",
        string? keyId = null, string? secret = null, DateTimeOffset? at = null, string? nonce = null, bool asForm = false) =>
        ReferenceSigners.V3(path, Host, action, parameters, keyId ?? KeyId, secret ?? Secret, at, nonce, asForm);

    public static Dictionary<string, string> SendSms(string numbers, string? param = "{\"order\":\"A1001\"}", string sign = "群发沙箱", string template = TemplateCode)
    {
        var p = new Dictionary<string, string> { ["PhoneNumbers"] = numbers, ["SignName"] = sign, ["TemplateCode"] = template };
        if (param is not null) p["TemplateParam"] = param;
        return p;
    }

    public Task<int> UsedAsync() => App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == GrantId).Select(g => g.Used).SingleAsync());

    public async Task AssertNothingSentAsync()
    {
        Assert.False(await App.WithDbAsync(d => d.SendTasks.AnyAsync()));
        Assert.False(await App.WithDbAsync(d => d.SendRecords.AnyAsync()));
        Assert.Equal(0, await UsedAsync());
    }

    public async Task<SendTask> WaitForCompletionAsync(long taskId)
    {
        for (var i = 0; i < 240; i++)
        {
            var task = await App.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
            if (task.Status == SendTaskStatus.Completed) return task;
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"Task {taskId} did not complete in 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned) await owned.DisposeAsync();
        Http.Dispose();
        await App.DisposeAsync();
    }
}
