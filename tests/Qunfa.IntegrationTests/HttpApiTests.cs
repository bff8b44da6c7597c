using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Messaging;
using Qunfa.Web.Features.Settings;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.IntegrationTests;

/// <summary>The signed /api/v1: sending, reading, refusals before anything is charged, and isolation between customers.</summary>
public sealed class HttpApiTests
{
    private const string TemplateCode = "SMS_900000300";
    private const string Content = "您的订单${order}已发货";

    private sealed record Setup(QunfaApp App, HttpClient Http, ApiTestSigner Api, string Secret, int CustomerId, int KeyId, int GrantId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.DisposeAsync();
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Setup> StartAsync(DatabaseKind db, int balance = 10)
    {
        var app = await QunfaApp.StartAsync(db);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);
        await CustomerScenario.RegisterAsync(app, client, "13800000000", "api@example.com");
        CustomerScenario.Sandbox(app).SeedTemplate(TemplateCode, Content, templateType: 1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var assignment = scope.ServiceProvider.GetRequiredService<Assignment>();
            await assignment.AssignSignAsync(SandboxAccount.SignName, SignatureType.General, null, Ct);
            await assignment.AssignTemplateAsync(TemplateCode, null, Ct);
        }
        var (customerId, grantId) = await app.WithDbAsync(async d =>
        {
            var customer = await d.Customers.SingleAsync();
            var grant = new PackageGrant
            {
                CustomerId = customer.Id, Category = SmsCategory.Notification, Size = balance, Status = GrantStatus.Active,
                Source = GrantSource.Allocated, ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            d.PackageGrants.Add(grant);
            await d.SaveChangesAsync();
            return (customer.Id, grant.Id);
        });
        var (keyId, accessKeyId, secret) = await IssueKeyAsync(app, customerId);
        var http = app.CreateClient();
        return new Setup(app, http, new ApiTestSigner(http, accessKeyId, secret), secret, customerId, keyId, grantId);
    }

    private static async Task<(int Id, string AccessKeyId, string Secret)> IssueKeyAsync(QunfaApp app, int customerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (issued, outcome) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(customerId, "测试程序", Ct);
        Assert.True(outcome.Succeeded);
        return (issued!.Key.Id, issued.Key.AccessKeyId, issued.Secret);
    }

    private static async Task<ApiTestSigner> SecondCustomerAsync(Setup s)
    {
        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13800000001", "other@example.com", "另一家企业");
        var otherId = await s.App.WithDbAsync(d => d.Customers.Where(c => c.Email == "other@example.com").Select(c => c.Id).SingleAsync());
        var (_, accessKeyId, secret) = await IssueKeyAsync(s.App, otherId);
        return new ApiTestSigner(s.Http, accessKeyId, secret);
    }

    private static string SendJson(params string[] phones) => JsonSerializer.Serialize(new
    {
        signName = SandboxAccount.SignName,
        templateCode = TemplateCode,
        phoneNumbers = phones,
        templateParam = new { order = "A1001" },
    });

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var json = await JsonAsync(response, status);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(code, (string?)json["code"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["detail"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)json["title"]));
    }

    private static async Task AssertNothingSentAsync(Setup s)
    {
        Assert.False(await s.App.WithDbAsync(d => d.SendTasks.AnyAsync()));
        Assert.False(await s.App.WithDbAsync(d => d.SendRecords.AnyAsync()));
        Assert.Equal(0, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Send_IsAccepted_CreatesRecords_AndCanBeFollowed(DatabaseKind db)
    {
        await using var s = await StartAsync(db);

        var response = await s.Api.PostAsync("/api/v1/sms/send", SendJson("13912345678", "12345", "139 1234 5678", "13987654321"));

        var accepted = await JsonAsync(response, HttpStatusCode.Accepted);
        var taskId = (long)accepted["taskId"]!;
        Assert.Equal(2, (int)accepted["recipients"]!);
        Assert.Equal(2, (long)accepted["segments"]!);
        Assert.Equal(1, (int)accepted["invalidCount"]!);
        Assert.Equal(1, (int)accepted["duplicateCount"]!);
        Assert.Equal(1, (int)accepted["invalidNumbers"]![0]!["index"]!);
        Assert.Equal("12345", (string?)accepted["invalidNumbers"]![0]!["phoneNumber"]);
        Assert.Equal($"/api/v1/tasks/{taskId}", response.Headers.Location?.ToString());
        var phones = await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == taskId).OrderBy(r => r.Phone).Select(r => r.Phone).ToListAsync());
        Assert.Equal(["13912345678", "13987654321"], phones);
        Assert.Equal(2, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync()));

        var task = await JsonAsync(await s.Api.GetAsync($"/api/v1/tasks/{taskId}"), HttpStatusCode.OK);
        Assert.Equal(taskId, (long)task["taskId"]!);
        Assert.Equal(2, (int)task["numbers"]!);
        Assert.Equal(2, (int)task["delivered"]! + (int)task["failed"]! + (int)task["pending"]!);
        Assert.Equal(TemplateCode, (string?)task["templateCode"]);
        Assert.NotNull(task["createdAt"]);

        var records = await JsonAsync(await s.Api.GetAsync($"/api/v1/tasks/{taskId}/recipients?phone=13912345678"), HttpStatusCode.OK);
        var record = Assert.Single(records.AsArray());
        Assert.Equal("13912345678", (string?)record!["phoneNumber"]);
        Assert.Contains((string?)record["status"], new[] { "queued", "submitted", "delivered", "failed" });

        var today = s.App.Services.GetRequiredService<OperatorClock>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var byDay = await JsonAsync(await s.Api.GetAsync($"/api/v1/records?phone=13987654321&date={today}&size=50"), HttpStatusCode.OK);
        Assert.Equal(1, (int)byDay["total"]!);
        Assert.Equal(taskId, (long)byDay["items"]![0]!["taskId"]!);
        var otherDay = await JsonAsync(await s.Api.GetAsync("/api/v1/records?phone=13987654321&date=2020-01-01"), HttpStatusCode.OK);
        Assert.Equal(0, (int)otherDay["total"]!);

        // The key's last use is recorded.
        Assert.NotNull(await s.App.WithDbAsync(d => d.ApiKeys.Where(k => k.Id == s.KeyId).Select(k => k.LastUsedAt).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Send_WithItems_GivesEachNumberItsOwnValues(DatabaseKind db)
    {
        await using var s = await StartAsync(db);
        var json = JsonSerializer.Serialize(new
        {
            signName = SandboxAccount.SignName,
            templateCode = TemplateCode,
            items = new object[]
            {
                new { phoneNumber = "13912345678", templateParam = new { order = "X1" } },
                new { phoneNumber = "13987654321", templateParam = new { order = "X2" } },
                new { phoneNumber = "13911112222" },
            },
        });

        var accepted = await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", json), HttpStatusCode.Accepted);

        Assert.Equal(2, (int)accepted["recipients"]!);
        Assert.Equal(2, (int)accepted["invalidNumbers"]![0]!["index"]!);
        var variables = await s.App.WithDbAsync(d => d.SendRecords.OrderBy(r => r.Phone).Select(r => r.Variables).ToListAsync());
        Assert.Contains("X1", variables[0]);
        Assert.Contains("X2", variables[1]);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadSignature_StaleTimestamp_UnknownKey_MissingHeaders_AreUnauthorized_AndSendNothing(DatabaseKind db)
    {
        await using var s = await StartAsync(db);
        var json = SendJson("13912345678");

        await AssertProblemAsync(await s.Api.SendAsync(HttpMethod.Post, "/api/v1/sms/send", json, signWith: "wrong-secret-wrong-secret-wrong-s"),
            HttpStatusCode.Unauthorized, "SignatureDoesNotMatch");
        await AssertProblemAsync(await s.Api.SendAsync(HttpMethod.Post, "/api/v1/sms/send", json, timestamp: ApiTestSigner.Now - 301),
            HttpStatusCode.Unauthorized, "RequestTimeTooSkewed");
        await AssertProblemAsync(await s.Api.SendAsync(HttpMethod.Post, "/api/v1/sms/send", json, timestamp: ApiTestSigner.Now + 600),
            HttpStatusCode.Unauthorized, "RequestTimeTooSkewed");
        await AssertProblemAsync(await s.Api.SendAsync(HttpMethod.Post, "/api/v1/sms/send", json, nonce: "short"),
            HttpStatusCode.Unauthorized, "InvalidNonce");
        var unknown = new ApiTestSigner(s.Http, "QFnotakeyatall0000000000", "whatever");
        await AssertProblemAsync(await unknown.PostAsync("/api/v1/sms/send", json), HttpStatusCode.Unauthorized, "InvalidAccessKeyId");
        using (var unsigned = new StringContent(json, System.Text.Encoding.UTF8, "application/json"))
            await AssertProblemAsync(await s.Http.PostAsync("/api/v1/sms/send", unsigned, Ct), HttpStatusCode.Unauthorized, "MissingSignature");

        // A signed request whose body was changed on the way no longer matches.
        var tampered = s.Api.Build(HttpMethod.Post, "/api/v1/sms/send", json, ApiTestSigner.Now, ApiTestSigner.NewNonce(), s.Secret);
        tampered.Content = new StringContent(SendJson("13987654321"), System.Text.Encoding.UTF8, "application/json");
        await AssertProblemAsync(await s.Http.SendAsync(tampered, Ct), HttpStatusCode.Unauthorized, "SignatureDoesNotMatch");

        var rejected = await s.Api.SendAsync(HttpMethod.Post, "/api/v1/sms/send", json, signWith: "wrong-secret-wrong-secret-wrong-s");
        Assert.Equal("Qunfa-HMAC-SHA256", rejected.Headers.WwwAuthenticate.ToString());
        await AssertNothingSentAsync(s);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReplayedNonce_IsRefused_AndChargesNothingMore(DatabaseKind db)
    {
        await using var s = await StartAsync(db);
        var timestamp = ApiTestSigner.Now;
        var nonce = ApiTestSigner.NewNonce();
        var json = SendJson("13912345678");

        await JsonAsync(await s.Api.SendAsync(HttpMethod.Post, "/api/v1/sms/send", json, timestamp, nonce), HttpStatusCode.Accepted);
        await AssertProblemAsync(await s.Api.SendAsync(HttpMethod.Post, "/api/v1/sms/send", json, timestamp, nonce), HttpStatusCode.Unauthorized, "NonceReused");
        // The nonce belongs to the request, not the method: a read with it is refused too.
        await AssertProblemAsync(await s.Api.SendAsync(HttpMethod.Get, "/api/v1/balance", null, timestamp, nonce), HttpStatusCode.Unauthorized, "NonceReused");

        Assert.Equal(1, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync()));
    }

    /// <summary>
    /// A send whose key is cached leaves the nonce to its write; a send refused before writing, or in the write, uses its
    /// nonce all the same, so its replay is refused as a replay.
    /// </summary>
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RefusedSends_UseTheirNonce_TheirReplaysAreRefused(DatabaseKind db)
    {
        await using var s = await StartAsync(db, balance: 1);
        await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", SendJson("13912345678")), HttpStatusCode.Accepted);
        async Task RefusedThenReplayedAsync(string json, HttpStatusCode status, string code)
        {
            var (timestamp, nonce) = (ApiTestSigner.Now, ApiTestSigner.NewNonce());
            await AssertProblemAsync(await s.Api.SendAsync(HttpMethod.Post, "/api/v1/sms/send", json, timestamp, nonce), status, code);
            await AssertProblemAsync(await s.Api.SendAsync(HttpMethod.Post, "/api/v1/sms/send", json, timestamp, nonce), HttpStatusCode.Unauthorized, "NonceReused");
        }

        await RefusedThenReplayedAsync(SendJson("13912345679"), HttpStatusCode.UnprocessableEntity, "BalanceTooLow");
        await RefusedThenReplayedAsync(SendJson("12345"), HttpStatusCode.UnprocessableEntity, "NoValidRecipients");
        await RefusedThenReplayedAsync("{", HttpStatusCode.BadRequest, "InvalidRequest");

        Assert.Equal(4, await s.App.WithDbAsync(d => d.ApiNonces.CountAsync()));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConcurrentCopiesOfOneSignedRequest_AreAcceptedOnce(DatabaseKind db)
    {
        await using var s = await StartAsync(db, balance: 100);
        var timestamp = ApiTestSigner.Now;
        var nonce = ApiTestSigner.NewNonce();
        var json = SendJson("13912345600");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            s.Api.SendAsync(HttpMethod.Post, "/api/v1/sms/send", json, timestamp, nonce)));

        var accepted = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        await JsonAsync(accepted, HttpStatusCode.Accepted);
        foreach (var refused in responses.Where(r => r != accepted)) await AssertProblemAsync(refused, HttpStatusCode.Unauthorized, "NonceReused");
        Assert.Equal(1, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.ApiNonces.CountAsync()));
        Assert.Equal(1, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RevokedKey_IsUnauthorized_AndSendsNothing(DatabaseKind db)
    {
        await using var s = await StartAsync(db);
        await JsonAsync(await s.Api.GetAsync("/api/v1/balance"), HttpStatusCode.OK);
        await using (var scope = s.App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(s.CustomerId, s.KeyId, Ct));

        await AssertProblemAsync(await s.Api.PostAsync("/api/v1/sms/send", SendJson("13912345678")), HttpStatusCode.Unauthorized, "InvalidAccessKeyId");

        await AssertNothingSentAsync(s);
    }

    /// <summary>
    /// Each node keeps what a send is checked against in memory (SendingStates). Whatever another writer commits —
    /// a freeze, a withdrawn template or signature, a revoked key — this node honours from its next request.
    /// </summary>
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChangesCommittedElsewhere_AreHonouredByAnotherNode_AtItsNextRequest(DatabaseKind db)
    {
        await using var s = await StartAsync(db);
        await using var node = QunfaApp.StartOn(s.App.Database, settings: new Dictionary<string, string> { ["Qunfa:Workers:Enabled"] = "false" });
        using var nodeHttp = node.CreateClient();
        var api = new ApiTestSigner(nodeHttp, s.Api.AccessKeyId, s.Secret);
        async Task AcceptedAsync() => await JsonAsync(await api.PostAsync("/api/v1/sms/send", SendJson("13912345678")), HttpStatusCode.Accepted);
        async Task RefusedAsync(string code) => await AssertProblemAsync(await api.PostAsync("/api/v1/sms/send", SendJson("13912345678")), HttpStatusCode.UnprocessableEntity, code);
        Task<int> WriteAsync(Func<Qunfa.Web.Data.QunfaDbContext, Task<int>> change) => s.App.WithDbAsync(change);

        await AcceptedAsync();
        await WriteAsync(d => d.Customers.Where(c => c.Id == s.CustomerId).ExecuteUpdateAsync(u => u.SetProperty(c => c.IsFrozen, true), Ct));
        await RefusedAsync("AccountFrozen");
        await WriteAsync(d => d.Customers.Where(c => c.Id == s.CustomerId).ExecuteUpdateAsync(u => u.SetProperty(c => c.IsFrozen, false), Ct));
        await AcceptedAsync();

        await WriteAsync(d => d.Templates.Where(t => t.CustomerId == s.CustomerId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, ReviewStatus.Rejected), Ct));
        await RefusedAsync("TemplateNotUsable");
        await WriteAsync(d => d.Templates.Where(t => t.CustomerId == s.CustomerId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, ReviewStatus.Approved), Ct));
        await WriteAsync(d => d.Signatures.Where(t => t.CustomerId == s.CustomerId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, ReviewStatus.UnderReview), Ct));
        await RefusedAsync("SignatureNotUsable");
        await WriteAsync(d => d.Signatures.Where(t => t.CustomerId == s.CustomerId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, ReviewStatus.Approved), Ct));
        await AcceptedAsync();

        await using (var scope = s.App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(s.CustomerId, s.KeyId, Ct));
        await AssertProblemAsync(await api.PostAsync("/api/v1/sms/send", SendJson("13912345678")), HttpStatusCode.Unauthorized, "InvalidAccessKeyId");
        Assert.Equal(3, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnotherCustomer_GetsNotFound_ForTheTask(DatabaseKind db)
    {
        await using var s = await StartAsync(db);
        var taskId = (long)(await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", SendJson("13912345678")), HttpStatusCode.Accepted))["taskId"]!;
        var other = await SecondCustomerAsync(s);

        await AssertProblemAsync(await other.GetAsync($"/api/v1/tasks/{taskId}"), HttpStatusCode.NotFound, "NotFound");
        await AssertProblemAsync(await other.GetAsync($"/api/v1/tasks/{taskId}/recipients?phone=13912345678"), HttpStatusCode.NotFound, "NotFound");
        var today = s.App.Services.GetRequiredService<OperatorClock>().Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (int)(await JsonAsync(await other.GetAsync($"/api/v1/records?phone=13912345678&date={today}"), HttpStatusCode.OK))["total"]!);
        Assert.Empty((await JsonAsync(await other.GetAsync("/api/v1/templates"), HttpStatusCode.OK)).AsArray());
        Assert.Empty((await JsonAsync(await other.GetAsync("/api/v1/signatures"), HttpStatusCode.OK)).AsArray());
        // Nor can it send with the first customer's template.
        await AssertProblemAsync(await other.PostAsync("/api/v1/sms/send", SendJson("13912345678")), HttpStatusCode.UnprocessableEntity, "TemplateNotUsable");
        Assert.Equal(1, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task InvalidRequests_AreProblems_PerField_AndSendNothing(DatabaseKind db)
    {
        await using var s = await StartAsync(db, balance: 2);

        var broken = await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", "{\"signName\": 1"), HttpStatusCode.BadRequest);
        Assert.Equal("InvalidRequest", (string?)broken["code"]);
        Assert.NotNull(broken["errors"]);

        var wrongType = await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", "{\"signName\":\"a\",\"templateCode\":\"b\",\"phoneNumbers\":\"13912345678\"}"), HttpStatusCode.BadRequest);
        Assert.NotNull(wrongType["errors"]!["phoneNumbers"]);

        var empty = await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", "{}"), HttpStatusCode.BadRequest);
        Assert.NotNull(empty["errors"]!["signName"]);
        Assert.NotNull(empty["errors"]!["templateCode"]);
        Assert.NotNull(empty["errors"]!["phoneNumbers"]);

        var both = JsonSerializer.Serialize(new { signName = "a", templateCode = "b", phoneNumbers = new[] { "13912345678" }, items = new[] { new { phoneNumber = "13912345678" } } });
        Assert.NotNull((await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", both), HttpStatusCode.BadRequest))["errors"]!["items"]);

        var tooMany = SendJson([.. Enumerable.Range(0, 1001).Select(i => $"139{i:D8}")]);
        Assert.NotNull((await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", tooMany), HttpStatusCode.BadRequest))["errors"]!["phoneNumbers"]);

        var unknownTemplate = JsonSerializer.Serialize(new { signName = SandboxAccount.SignName, templateCode = "SMS_1", phoneNumbers = new[] { "13912345678" } });
        await AssertProblemAsync(await s.Api.PostAsync("/api/v1/sms/send", unknownTemplate), HttpStatusCode.UnprocessableEntity, "TemplateNotUsable");

        var noValues = JsonSerializer.Serialize(new { signName = SandboxAccount.SignName, templateCode = TemplateCode, phoneNumbers = new[] { "13912345678" } });
        await AssertProblemAsync(await s.Api.PostAsync("/api/v1/sms/send", noValues), HttpStatusCode.UnprocessableEntity, "MissingVariables");

        var unknownSign = JsonSerializer.Serialize(new { signName = "没有的签名", templateCode = TemplateCode, phoneNumbers = new[] { "13912345678" }, templateParam = new { order = "1" } });
        await AssertProblemAsync(await s.Api.PostAsync("/api/v1/sms/send", unknownSign), HttpStatusCode.UnprocessableEntity, "SignatureNotUsable");

        await AssertProblemAsync(await s.Api.PostAsync("/api/v1/sms/send", SendJson("12345", "abc")), HttpStatusCode.UnprocessableEntity, "NoValidRecipients");
        await AssertProblemAsync(await s.Api.PostAsync("/api/v1/sms/send", SendJson("13912345678", "13987654321", "13911112222")),
            HttpStatusCode.UnprocessableEntity, "BalanceTooLow");

        var past = JsonSerializer.Serialize(new { signName = SandboxAccount.SignName, templateCode = TemplateCode, phoneNumbers = new[] { "13912345678" }, templateParam = new { order = "1" }, scheduledAt = DateTimeOffset.UtcNow.AddHours(-1) });
        await AssertProblemAsync(await s.Api.PostAsync("/api/v1/sms/send", past), HttpStatusCode.UnprocessableEntity, "ScheduleOutOfRange");

        await AssertProblemAsync(await s.Api.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound, "NotFound");
        Assert.Equal(HttpStatusCode.Unauthorized, (await s.Http.GetAsync("/api/v1/no-such-thing", Ct)).StatusCode);

        var noPhone = await JsonAsync(await s.Api.GetAsync("/api/v1/records?date=2026-01-01"), HttpStatusCode.BadRequest);
        Assert.NotNull(noPhone["errors"]!["phone"]);
        var badDate = await JsonAsync(await s.Api.GetAsync("/api/v1/records?phone=13912345678&date=01/02/2026"), HttpStatusCode.BadRequest);
        Assert.NotNull(badDate["errors"]!["date"]);

        await AssertNothingSentAsync(s);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Balance_Signatures_AndTemplates_AreTheCustomers(DatabaseKind db)
    {
        await using var s = await StartAsync(db, balance: 10);
        await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", SendJson("13912345678")), HttpStatusCode.Accepted);

        var balance = await JsonAsync(await s.Api.GetAsync("/api/v1/balance"), HttpStatusCode.OK);
        var categories = balance["categories"]!.AsArray().ToDictionary(c => (string)c!["category"]!);
        Assert.Equal(["general", "notification", "promotion", "verificationCode"], categories.Keys.Order().ToArray());
        Assert.Equal(10, (long)categories["notification"]!["size"]!);
        Assert.Equal(1, (long)categories["notification"]!["used"]!);
        Assert.Equal(9, (long)categories["notification"]!["remaining"]!);
        Assert.Equal(0, (long)categories["general"]!["remaining"]!);

        var signature = Assert.Single((await JsonAsync(await s.Api.GetAsync("/api/v1/signatures"), HttpStatusCode.OK)).AsArray());
        Assert.Equal(SandboxAccount.SignName, (string?)signature!["name"]);
        Assert.Equal("approved", (string?)signature["status"]);
        var template = Assert.Single((await JsonAsync(await s.Api.GetAsync("/api/v1/templates"), HttpStatusCode.OK)).AsArray());
        Assert.Equal(TemplateCode, (string?)template!["templateCode"]);
        Assert.Equal("approved", (string?)template["status"]);
        Assert.Equal(Content, (string?)template["content"]);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Tasks_AreListedPaged_AndFoundByTheCustomersOwnOutId_OnlyItsOwn(DatabaseKind db)
    {
        await using var s = await StartAsync(db);
        string WithOutId(string outId) => JsonSerializer.Serialize(new
        {
            signName = SandboxAccount.SignName, templateCode = TemplateCode, phoneNumbers = new[] { "13912345678" },
            templateParam = new { order = "A1001" }, outId,
        });
        var first = (long)(await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", WithOutId("order-1")), HttpStatusCode.Accepted))["taskId"]!;
        var second = (long)(await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", SendJson("13987654321")), HttpStatusCode.Accepted))["taskId"]!;
        var third = (long)(await JsonAsync(await s.Api.PostAsync("/api/v1/sms/send", WithOutId("order-3")), HttpStatusCode.Accepted))["taskId"]!;

        var page = await JsonAsync(await s.Api.GetAsync("/api/v1/tasks?p=1&size=2"), HttpStatusCode.OK);
        Assert.Equal(3, (int)page["total"]!);
        Assert.Equal([third, second], page["items"]!.AsArray().Select(t => (long)t!["taskId"]!).ToArray());
        Assert.Equal("order-3", (string?)page["items"]![0]!["outId"]);
        Assert.Null((string?)page["items"]![1]!["outId"]);
        var next = await JsonAsync(await s.Api.GetAsync("/api/v1/tasks?p=2&size=2"), HttpStatusCode.OK);
        Assert.Equal(first, (long)Assert.Single(next["items"]!.AsArray())!["taskId"]!);

        var found = await JsonAsync(await s.Api.GetAsync("/api/v1/tasks?outId=order-1"), HttpStatusCode.OK);
        Assert.Equal(first, (long)Assert.Single(found["items"]!.AsArray())!["taskId"]!);
        Assert.Equal("order-1", (string?)(await JsonAsync(await s.Api.GetAsync($"/api/v1/tasks/{first}"), HttpStatusCode.OK))["outId"]);

        var other = await SecondCustomerAsync(s);
        Assert.Equal(0, (int)(await JsonAsync(await other.GetAsync("/api/v1/tasks"), HttpStatusCode.OK))["total"]!);
        Assert.Equal(0, (int)(await JsonAsync(await other.GetAsync("/api/v1/tasks?outId=order-1"), HttpStatusCode.OK))["total"]!);

        var tooLong = await s.Api.PostAsync("/api/v1/sms/send", WithOutId(new string('x', 257)));
        await AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "InvalidRequest");
        Assert.Equal(3, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
    }

    [Fact]
    public async Task OpenApiDocument_RequiresOnlySignAndTemplate_DescribesEveryQueryParameter_AndListsTheErrorCodes()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);

        var json = await JsonAsync(await client.Http.GetAsync("/openapi/v1.json", Ct), HttpStatusCode.OK);

        var request = json["components"]!["schemas"]!["SendSmsRequest"]!;
        Assert.Equal(["signName", "templateCode"], request["required"]!.AsArray().Select(r => (string?)r).Order().ToArray());
        Assert.False(string.IsNullOrEmpty((string?)request["properties"]!["outId"]!["description"]));
        foreach (var (path, method) in new[] { ("/api/v1/records", "get"), ("/api/v1/tasks", "get"), ("/api/v1/tasks/{id}/recipients", "get"), ("/api/v1/tasks/{id}", "get") })
            foreach (var parameter in json["paths"]![path]![method]!["parameters"]!.AsArray())
                Assert.False(string.IsNullOrWhiteSpace((string?)parameter!["description"]), $"{path} {(string?)parameter["name"]}");
        var description = (string?)json["info"]!["description"];
        foreach (var code in Qunfa.Web.Features.HttpApi.ApiErrorCodes.All.Select(e => e.Code))
            Assert.Contains($"`{code}`", description);
        foreach (var code in new[] { "SignatureDoesNotMatch", "NonceReused", "BalanceTooLow", "InvalidRequest", "NotFound" })
            Assert.Contains($"`{code}`", description);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePathsAndTheSignatureHeaders()
    {
        await using var app = await QunfaApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.CreatePageClient();
        await SetupScenario.CompleteWithSandboxAsync(client);

        using var response = await client.Http.GetAsync("/openapi/v1.json", Ct);
        var json = await JsonAsync(response, HttpStatusCode.OK);
        var paths = json["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/v1/sms/send", "/api/v1/tasks/{id}", "/api/v1/tasks/{id}/recipients", "/api/v1/records", "/api/v1/balance", "/api/v1/signatures", "/api/v1/templates" })
            Assert.Contains(path, paths);
        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/v1/", StringComparison.Ordinal));
        var schemes = json["components"]!["securitySchemes"]!.AsObject().Select(p => (string?)p.Value!["name"]).ToList();
        Assert.Equal(["X-Qunfa-Key", "X-Qunfa-Timestamp", "X-Qunfa-Nonce", "X-Qunfa-Signature"], schemes);
        Assert.Equal("发送短信", (string?)json["paths"]!["/api/v1/sms/send"]!["post"]!["summary"]);

        var ui = await client.GetAsync("/api/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.Status);
        Assert.Contains("swagger-ui", ui.Html);
    }

    [Fact]
    public async Task TheConsolesCurlExample_PassesTheSignatureCheck()
    {
        foreach (var tool in new[] { "/usr/bin/bash", "/usr/bin/curl", "/usr/bin/openssl" })
            Requirements.Tool(tool);
        await using var app = await QunfaApp.StartOnLoopbackAsync(DatabaseKind.Sqlite);
        using (var client = new PageClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = app.RootUri }))
        {
            await SetupScenario.CompleteWithSandboxAsync(client);
            await CustomerScenario.RegisterAsync(app, client, "13800000000", "curl@example.com");
        }
        var (_, accessKeyId, secret) = await IssueKeyAsync(app, await app.WithDbAsync(d => d.Customers.Select(c => c.Id).SingleAsync()));
        var script = Qunfa.Web.Features.HttpApi.ApiSamples.Bash
            .Replace("您的AccessKeyId", accessKeyId, StringComparison.Ordinal)
            .Replace("您的AccessKeySecret", secret, StringComparison.Ordinal)
            .Replace("{BASE}", app.RootUri.ToString().TrimEnd('/'), StringComparison.Ordinal);

        using var bash = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var output = await bash.StandardOutput.ReadToEndAsync(Ct) + await bash.StandardError.ReadToEndAsync(Ct);
        await bash.WaitForExitAsync(Ct);

        // The example's template code is not the customer's: refused after, and only after, the signature was accepted.
        Assert.Contains("TemplateNotUsable", output);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task NonceCleanup_RemovesOnlyNoncesPastTheWindow(DatabaseKind db)
    {
        await using var app = await QunfaApp.StartAsync(db);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await app.WithDbAsync(d =>
        {
            d.ApiNonces.Add(new Qunfa.Web.Domain.Api.ApiNonce { AccessKeyId = "QFkey", NonceHash = "expired-nonce", ExpiresAt = now - 1 });
            d.ApiNonces.Add(new Qunfa.Web.Domain.Api.ApiNonce { AccessKeyId = "QFkey", NonceHash = "current-nonce", ExpiresAt = now + 300 });
            return d.SaveChangesAsync();
        });
        var worker = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Qunfa.Web.Workers.ApiNonceCleanupWorker>().Single();

        await worker.RunOnceAsync(Ct);

        Assert.Equal(["current-nonce"], await app.WithDbAsync(d => d.ApiNonces.Select(n => n.NonceHash).ToListAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ConcurrentSignedSends_AreEachAcceptedOnce(DatabaseKind db)
    {
        await using var s = await StartAsync(db, balance: 100);

        // Numbers ending in 00: none fails at the sandbox, so no refund can lower the count before it is read.
        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            s.Api.PostAsync("/api/v1/sms/send", SendJson($"13912{i:D4}00"))));

        foreach (var response in responses) await JsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(32, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
        Assert.Equal(32, await s.App.WithDbAsync(d => d.ApiNonces.CountAsync()));
        Assert.Equal(32, await s.App.WithDbAsync(d => d.PackageGrants.Where(g => g.Id == s.GrantId).Select(g => g.Used).SingleAsync()));
    }
}
