using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Sms;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Features.AlibabaCompat;
using Qunfa.Web.Features.ApiKeys;
using Qunfa.Web.Features.Messaging;

namespace Qunfa.IntegrationTests.AlibabaCompat;

/// <summary>Gateway errors in Alibaba's shapes and statuses, business refusals with its codes; none of them sends or charges anything.</summary>
public sealed class AlibabaCompatRefusalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void AssertGatewayError(int status, JsonElement body, int expectedStatus, string code)
    {
        Assert.True(expectedStatus == status, $"Expected {expectedStatus}, got {status}: {body}");
        Assert.Equal(code, body.GetProperty("Code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("RequestId").GetString()));
        Assert.Equal(CompatScenario.TestServerHost, body.GetProperty("HostId").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("Message").GetString()));
        Assert.Contains(code, body.GetProperty("Recommend").GetString());
    }

    private static void AssertBusinessError((int Status, JsonElement Body) answer, string code)
    {
        Assert.True(answer.Status == 200, $"Expected 200, got {answer.Status}: {answer.Body}");
        Assert.Equal(code, answer.Body.GetProperty("Code").GetString());
        Assert.False(answer.Body.TryGetProperty("BizId", out _));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Authentication_Refusals_HaveAlibabasShape_AndChargeNothing(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db, balance: 10);
        var send = CompatScenario.SendSms("13912345678");

        // Wrong secret, V1: the message ends with the string to sign the server computed.
        var wrong = ReferenceSigners.V1("/aliyun/", "SendSms", send, s.KeyId, "not-the-secret", nonce: "n-1", at: DateTimeOffset.UtcNow);
        var sent = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(wrong.RequestUri!.OriginalString.Split('?')[1]);
        var expectedV1 = ReferenceSigners.V1StringToSign("GET", sent.Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString())));
        var (status, body) = await s.SendAsync(wrong);
        AssertGatewayError(status, body, 400, "SignatureDoesNotMatch");
        Assert.EndsWith("server string to sign is:" + expectedV1, body.GetProperty("Message").GetString());

        // Wrong secret, V3.
        (status, body) = await s.SendAsync(s.V3("SendSms", send, secret: "not-the-secret"));
        AssertGatewayError(status, body, 400, "SignatureDoesNotMatch");
        Assert.Contains("server string to sign is:ACS3-HMAC-SHA256\n", body.GetProperty("Message").GetString());

        // Our real client with a wrong secret gets the same refusal.
        var refused = await s.AliyunClient("/aliyun/", AliyunSignatureVersion.V3, secret: "not-the-secret")
            .SendSmsAsync(new SendSmsRequest(["13912345678"], "群发沙箱", CompatScenario.TemplateCode, new Dictionary<string, string> { ["order"] = "X" }), Ct);
        Assert.False(refused.IsAccepted);
        Assert.Equal("SignatureDoesNotMatch", refused.Code);

        // Expired and malformed timestamps.
        (status, body) = await s.SendAsync(s.V1("SendSms", send, at: DateTimeOffset.UtcNow.AddMinutes(-16)));
        AssertGatewayError(status, body, 400, "InvalidTimeStamp.Expired");
        (status, body) = await s.SendAsync(s.V3("SendSms", send, at: DateTimeOffset.UtcNow.AddMinutes(16)));
        AssertGatewayError(status, body, 400, "InvalidTimeStamp.Expired");

        // Signature method, version and timestamp format as Alibaba checks them.
        (status, body) = await s.SendAsync(ReferenceSigners.V1("/aliyun/", "SendSms", send, s.KeyId, s.Secret, adjust: p => p["SignatureMethod"] = "HMAC-SHA256"));
        AssertGatewayError(status, body, 400, "InvalidSignatureMethod");
        (status, body) = await s.SendAsync(ReferenceSigners.V1("/aliyun/", "SendSms", send, s.KeyId, s.Secret, adjust: p => p["SignatureVersion"] = "2.0"));
        AssertGatewayError(status, body, 400, "InvalidSignatureVersion");
        (status, body) = await s.SendAsync(ReferenceSigners.V1("/aliyun/", "SendSms", send, s.KeyId, s.Secret, adjust: p => p["Version"] = "2016-09-27"));
        AssertGatewayError(status, body, 400, "InvalidVersion");
        (status, body) = await s.SendAsync(ReferenceSigners.V1("/aliyun/", "SendSms", send, s.KeyId, s.Secret, adjust: p => p["Timestamp"] = "2026/11/28 10:00"));
        AssertGatewayError(status, body, 400, "InvalidTimeStamp.Format");

        // Unknown key, revoked key.
        (status, body) = await s.SendAsync(s.V1("SendSms", send, keyId: "QFnosuchkey", secret: s.Secret));
        AssertGatewayError(status, body, 404, "InvalidAccessKeyId.NotFound");
        var revoked = await CompatScenario.CreateKeyAsync(s.App, s.CustomerId);
        await using (var scope = s.App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(s.CustomerId, revoked.Key.Id, Ct));
        (status, body) = await s.SendAsync(s.V3("SendSms", send, keyId: revoked.Key.AccessKeyId, secret: revoked.Secret));
        AssertGatewayError(status, body, 400, "InvalidAccessKeyId.Inactive");

        // Unknown action, wrong version, missing parameters.
        (status, body) = await s.SendAsync(s.V1("SendFax", send));
        AssertGatewayError(status, body, 404, "InvalidApi.NotFound");
        var noSign = new Dictionary<string, string>(send);
        noSign.Remove("SignName");
        (status, body) = await s.SendAsync(s.V1("SendSms", noSign));
        AssertGatewayError(status, body, 400, "MissingSignName");
        (status, body) = await s.SendAsync(s.V3("SendSms", noSign));
        AssertGatewayError(status, body, 400, "MissingSignName");
        using (var unsigned = new HttpRequestMessage(HttpMethod.Get, "/aliyun/?Action=SendSms&Version=2017-05-25&Format=JSON"))
            (status, body) = await s.SendAsync(unsigned);
        AssertGatewayError(status, body, 400, "MissingAccessKeyId");

        await s.AssertNothingSentAsync();
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReplayedNonce_IsRefusedOnce_KeptInTheDatabase_AndPurgedAfterExpiry(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db, balance: 10);
        var at = DateTimeOffset.UtcNow;
        var send = CompatScenario.SendSms("13912345678");

        var (status, body) = await s.SendAsync(s.V1("SendSms", send, at: at, nonce: "replay-me"));
        Assert.Equal(200, status);
        Assert.Equal("OK", body.GetProperty("Code").GetString());
        (status, body) = await s.SendAsync(s.V1("SendSms", send, at: at, nonce: "replay-me"));
        AssertGatewayError(status, body, 400, "SignatureNonceUsed");
        // The same nonce in a V3 call with the same key is the same replay.
        (status, body) = await s.SendAsync(s.V3("SendSms", send, nonce: "replay-me"));
        AssertGatewayError(status, body, 400, "SignatureNonceUsed");
        Assert.Equal(1, await s.UsedAsync());
        Assert.Equal(1, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
        Assert.NotNull(await s.App.WithDbAsync(d => d.ApiKeys.Where(k => k.Id == s.KeyDbId).Select(k => k.LastUsedAt).SingleAsync()));

        // Another node sees the same table: a nonce already stored there is refused here too.
        await using (var scope = s.App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiNonceStore>().TryUseAsync(s.KeyId, "seen-elsewhere", at.AddMinutes(15), Ct));
        (status, body) = await s.SendAsync(s.V3("SendSms", send, nonce: "seen-elsewhere"));
        AssertGatewayError(status, body, 400, "SignatureNonceUsed");

        // Nonces live until their request would be refused for its timestamp anyway.
        Assert.Equal(2, await s.App.WithDbAsync(d => d.ApiNonces.CountAsync()));
        await using (var scope = s.App.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<ApiNonceStore>();
            Assert.Equal(0, await store.RemoveExpiredAsync(at.AddMinutes(14), Ct));
            Assert.Equal(2, await store.RemoveExpiredAsync(at.AddMinutes(16), Ct));
        }
        Assert.Equal(0, await s.App.WithDbAsync(d => d.ApiNonces.CountAsync()));
    }

    /// <summary>
    /// A send whose key is cached leaves its state and nonce checks to its write (docs/decisions/0015): a change committed
    /// by another writer, a refused call's replay and a revoked key are answered as if nothing were cached.
    /// </summary>
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CachedKey_ChangesCommittedElsewhere_AndReplaysOfRefusedCalls_AreAnsweredAsWithoutCache(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db, balance: 10);
        var send = CompatScenario.SendSms("13912345678");
        Assert.Equal("OK", (await s.SendAsync(s.V1("SendSms", send))).Body.GetProperty("Code").GetString());

        await s.App.WithDbAsync(d => d.Templates.Where(t => t.CustomerId == s.CustomerId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, ReviewStatus.Rejected), Ct));
        AssertBusinessError(await s.SendAsync(s.V1("SendSms", send)), "isv.SMS_TEMPLATE_ILLEGAL");
        await s.App.WithDbAsync(d => d.Templates.Where(t => t.CustomerId == s.CustomerId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Status, ReviewStatus.Approved), Ct));
        Assert.Equal("OK", (await s.SendAsync(s.V3("SendSms", send))).Body.GetProperty("Code").GetString());

        var at = DateTimeOffset.UtcNow;
        AssertBusinessError(await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms("12345"), at: at, nonce: "refused-once")), "isv.MOBILE_NUMBER_ILLEGAL");
        var (status, body) = await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms("12345"), at: at, nonce: "refused-once"));
        AssertGatewayError(status, body, 400, "SignatureNonceUsed");

        await using (var scope = s.App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(s.CustomerId, s.KeyDbId, Ct));
        (status, body) = await s.SendAsync(s.V1("SendSms", send));
        AssertGatewayError(status, body, 400, "InvalidAccessKeyId.Inactive");
        Assert.Equal(2, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));
        // Each call answered other than by a replay refusal used its nonce, the refused ones too.
        Assert.Equal(4, await s.App.WithDbAsync(d => d.ApiNonces.CountAsync()));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BusinessRefusals_UseAlibabasCodes_AndChargeNothing(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db, balance: 2);

        AssertBusinessError(await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms("13912345678,12345"))), "isv.MOBILE_NUMBER_ILLEGAL");
        AssertBusinessError(await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms("010-62345678"))), "isv.MOBILE_NUMBER_ILLEGAL");
        var thousandAndOne = string.Join(',', Enumerable.Range(0, 1001).Select(i => "139" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)));
        AssertBusinessError(await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms(thousandAndOne), method: "POST", asForm: true)), "isv.MOBILE_COUNT_OVER_LIMIT");
        AssertBusinessError(await s.SendAsync(s.V3("SendSms", CompatScenario.SendSms("13912345678", param: null))), "isv.TEMPLATE_MISSING_PARAMETERS");
        AssertBusinessError(await s.SendAsync(s.V3("SendSms", CompatScenario.SendSms("13912345678", param: "{\"other\":\"x\"}"))), "isv.TEMPLATE_MISSING_PARAMETERS");
        AssertBusinessError(await s.SendAsync(s.V3("SendSms", CompatScenario.SendSms("13912345678", param: "{\"order\":1001}"))), "isv.INVALID_JSON_PARAM");
        AssertBusinessError(await s.SendAsync(s.V3("SendSms", CompatScenario.SendSms("13912345678", param: "{order"))), "isv.INVALID_JSON_PARAM");
        AssertBusinessError(await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms("13912345678", sign: "别人的签名"))), "isv.SMS_SIGNATURE_ILLEGAL");
        AssertBusinessError(await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms("13912345678", template: "SMS_000000001"))), "isv.SMS_TEMPLATE_ILLEGAL");
        AssertBusinessError(await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms("13912345678,13987654321,13911112222"))), "isv.AMOUNT_NOT_ENOUGH");

        // A template approved for another customer is not this customer's.
        using (var other = s.App.CreatePageClient())
            await CustomerScenario.RegisterAsync(s.App, other, "13800000009", "other@example.com");
        var otherId = await s.App.WithDbAsync(d => d.Customers.Where(c => c.Phone == "13800000009").Select(c => c.Id).SingleAsync());
        CustomerScenario.Sandbox(s.App).SeedTemplate("SMS_900000301", "他人的模板${order}", templateType: 1);
        await using (var scope = s.App.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<Assignment>().AssignTemplateAsync("SMS_900000301", [otherId], Ct)).Outcome.Succeeded);
        AssertBusinessError(await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms("13912345678", template: "SMS_900000301"))), "isv.SMS_TEMPLATE_ILLEGAL");

        // SendBatchSms: its own limits and JSON rules.
        Dictionary<string, string> Batch(string numbers, string signs, string? param) => new()
        {
            ["PhoneNumberJson"] = numbers, ["SignNameJson"] = signs, ["TemplateCode"] = CompatScenario.TemplateCode,
            ["TemplateParamJson"] = param ?? "",
        };
        var hundredAndOne = Enumerable.Range(0, 101).Select(i => "139" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        AssertBusinessError(await s.SendAsync(s.V3("SendBatchSms", Batch(JsonSerializer.Serialize(hundredAndOne),
            JsonSerializer.Serialize(hundredAndOne.Select(_ => "群发沙箱")), null))), "isv.MOBILE_COUNT_OVER_LIMIT");
        AssertBusinessError(await s.SendAsync(s.V3("SendBatchSms", Batch("[\"13912345678\",\"13987654321\"]", "[\"群发沙箱\",\"另一个签名\"]",
            "[{\"order\":\"1\"},{\"order\":\"2\"}]"))), "isv.INVALID_PARAMETERS");
        AssertBusinessError(await s.SendAsync(s.V3("SendBatchSms", Batch("[\"13912345678\",\"13987654321\"]", "[\"群发沙箱\",\"群发沙箱\"]",
            "[{\"order\":\"1\"},{}]"))), "isv.TEMPLATE_MISSING_PARAMETERS");
        AssertBusinessError(await s.SendAsync(s.V3("SendBatchSms", Batch("13912345678", "[\"群发沙箱\"]", "[{\"order\":\"1\"}]"))), "isv.INVALID_JSON_PARAM");
        AssertBusinessError(await s.SendAsync(s.V3("SendBatchSms", Batch("[\"1391234\"]", "[\"群发沙箱\"]", "[{\"order\":\"1\"}]"))), "isv.MOBILE_NUMBER_ILLEGAL");

        // A frozen account.
        await s.App.WithDbAsync(d => d.Customers.Where(c => c.Id == s.CustomerId).ExecuteUpdateAsync(u => u.SetProperty(c => c.IsFrozen, true)));
        AssertBusinessError(await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms("13912345678"))), "isv.ACCOUNT_ABNORMAL");

        await s.AssertNothingSentAsync();
    }
}
