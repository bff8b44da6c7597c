using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qunfa.Aliyun.Configuration;
using Qunfa.Aliyun.Sms;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Features.AlibabaCompat;

namespace Qunfa.IntegrationTests.AlibabaCompat;

/// <summary>Sending and querying through the Alibaba-compatible endpoint, signed by hand and by our real client.</summary>
public sealed class AlibabaCompatSendTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly ChinaToday => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SendSms_SignedV1AndV3_IsChargedRecordedAndAnsweredWithABizId(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db, balance: 10);

        // V1, GET, at the path under /aliyun/, with the prefixes Alibaba accepts.
        var parameters = CompatScenario.SendSms("+8613912345678,008613987654321");
        parameters["OutId"] = "order-7";
        var (status, body) = await s.SendAsync(s.V1("SendSms", parameters));

        Assert.Equal(200, status);
        Assert.Equal("OK", body.GetProperty("Code").GetString());
        Assert.Equal("OK", body.GetProperty("Message").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("RequestId").GetString()));
        var bizId = body.GetProperty("BizId").GetString()!;
        Assert.True(BizIds.TryParse(bizId, out var taskId));
        var task = await s.App.WithDbAsync(d => d.SendTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
        Assert.Equal(s.CustomerId, task.CustomerId);
        Assert.Equal(CompatScenario.TemplateCode, task.TemplateCode);
        Assert.Equal(2, task.NumberCount);
        Assert.Equal(["13912345678", "13987654321"], await s.App.WithDbAsync(d => d.SendRecords.Where(r => r.TaskId == taskId).OrderBy(r => r.Phone).Select(r => r.Phone).ToListAsync()));
        Assert.Equal(2, await s.UsedAsync());
        Assert.Equal("order-7", await s.App.WithDbAsync(d => d.ApiSends.Where(a => a.TaskId == taskId).Select(a => a.OutId).SingleAsync()));

        // V1 as a POST form at the host root, answering in XML as Alibaba does without Format=JSON.
        using (var form = ReferenceSigners.V1("/", "SendSms", CompatScenario.SendSms("13911112222"), s.KeyId, s.Secret, "POST", asForm: true, format: ""))
        {
            using var response = await s.Http.SendAsync(form, Ct);
            var xml = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<SendSmsResponse><RequestId>", xml);
            Assert.Contains("<Code>OK</Code>", xml);
            Assert.Contains("<BizId>", xml);
        }

        // V3 at the host root, as the current SDKs send it.
        var (v3Status, v3) = await s.SendAsync(s.V3("SendSms", CompatScenario.SendSms("13933334444"), path: "/"));
        Assert.Equal(200, v3Status);
        Assert.Equal("OK", v3.GetProperty("Code").GetString());

        // V3 with the parameters in a signed form body instead of the query.
        var (formStatus, v3Form) = await s.SendAsync(s.V3("SendSms", CompatScenario.SendSms("13955556666"), path: "/", asForm: true));
        Assert.True(formStatus == 200, v3Form.ToString());
        Assert.Equal("OK", v3Form.GetProperty("Code").GetString());
        Assert.Equal(5, await s.UsedAsync());
        Assert.Equal(4, await s.App.WithDbAsync(d => d.SendTasks.CountAsync()));

        // The web UI at "/" is untouched by requests that are not Alibaba calls.
        var home = await s.Http.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("text/html", home.Content.Headers.ContentType?.ToString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OurAliyunClient_SendsBatchAndSms_AndQueriesTheDeliveryOutcome(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db, balance: 10);
        var atRoot = s.AliyunClient("/", AliyunSignatureVersion.V3);
        var underPath = s.AliyunClient("/aliyun/", AliyunSignatureVersion.V1);

        var sentFrom = DateTimeOffset.UtcNow;
        var batch = await atRoot.SendBatchSmsAsync(new SendBatchSmsRequest(
            [
                new BatchSmsRecipient("13912345678", "群发沙箱", new Dictionary<string, string> { ["order"] = "B1" }),
                new BatchSmsRecipient("+8613900000001", "群发沙箱", new Dictionary<string, string> { ["order"] = "B2" }),
            ],
            CompatScenario.TemplateCode, OutId: "batch-1"), Ct);
        Assert.True(batch.IsAccepted, $"{batch.Code} {batch.Message}");
        var single = await underPath.SendSmsAsync(new SendSmsRequest(["13987654321"], "群发沙箱", CompatScenario.TemplateCode,
            new Dictionary<string, string> { ["order"] = "S1" }), Ct);
        Assert.True(single.IsAccepted, $"{single.Code} {single.Message}");
        Assert.Equal(3, await s.UsedAsync());

        Assert.True(BizIds.TryParse(batch.BizId, out var batchTask));
        await s.WaitForCompletionAsync(batchTask);
        Assert.True(BizIds.TryParse(single.BizId, out var singleTask));
        await s.WaitForCompletionAsync(singleTask);

        var delivered = await underPath.QuerySendDetailsAsync(new QuerySendDetailsRequest("13912345678", ChinaToday, batch.BizId, PageSize: 10), Ct);
        var row = Assert.Single(delivered.Items);
        Assert.Equal(1, delivered.TotalCount);
        Assert.Equal(DeliveryState.Delivered, row.State);
        Assert.Equal("DELIVERED", row.ErrorCode);
        Assert.Equal("【群发沙箱】您的订单B1已发货", row.Content);
        Assert.Equal(CompatScenario.TemplateCode, row.TemplateCode);
        Assert.Equal("batch-1", row.OutId);
        Assert.NotNull(row.SendTime);
        Assert.NotNull(row.ReceiveTime);
        Assert.Equal(TimeSpan.FromHours(8), row.SendTime!.Value.Offset);
        // Read as another zone the time would be hours off; SendDate has whole seconds, hence the second of slack.
        Assert.InRange(row.SendTime.Value, sentFrom.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));

        var failed = await atRoot.QuerySendDetailsAsync(new QuerySendDetailsRequest("13900000001", ChinaToday), Ct);
        Assert.Equal(DeliveryState.Failed, Assert.Single(failed.Items).State);
        Assert.Equal("MOBILE_NOT_ON_SERVICE", failed.Items[0].ErrorCode);
        Assert.Equal("【群发沙箱】您的订单B2已发货", failed.Items[0].Content);

        // Without a BizId every send to the number that day; the single send has no OutId.
        var other = await atRoot.QuerySendDetailsAsync(new QuerySendDetailsRequest("13987654321", ChinaToday), Ct);
        Assert.Equal("【群发沙箱】您的订单S1已发货", Assert.Single(other.Items).Content);
        Assert.True(string.IsNullOrEmpty(other.Items[0].OutId));
        // Another day, or the BizId of another task, finds nothing.
        Assert.Empty((await atRoot.QuerySendDetailsAsync(new QuerySendDetailsRequest("13912345678", ChinaToday.AddDays(-1)), Ct)).Items);
        Assert.Empty((await atRoot.QuerySendDetailsAsync(new QuerySendDetailsRequest("13912345678", ChinaToday, single.BizId), Ct)).Items);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task QuerySendDetails_ShowsWaitingSends_AndNeverAnotherCustomersRecords(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db, balance: 10);
        var (_, sent) = await s.SendAsync(s.V3("SendSms", CompatScenario.SendSms("13912345678")));
        var bizId = sent.GetProperty("BizId").GetString()!;
        var query = new Dictionary<string, string>
        {
            ["PhoneNumber"] = "13912345678", ["BizId"] = bizId, ["PageSize"] = "10", ["CurrentPage"] = "1",
            ["SendDate"] = ChinaToday.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        };
        var (status, mine) = await s.SendAsync(s.V1("QuerySendDetails", query));
        Assert.Equal(200, status);
        Assert.Equal("OK", mine.GetProperty("Code").GetString());
        Assert.Equal("1", mine.GetProperty("TotalCount").GetString());
        var dto = mine.GetProperty("SmsSendDetailDTOs").GetProperty("SmsSendDetailDTO")[0];
        // Waiting for its receipt or already delivered, depending on how fast the sandbox was.
        Assert.Contains(dto.GetProperty("SendStatus").GetInt32(), new[] { 1, 3 });
        Assert.Equal("13912345678", dto.GetProperty("PhoneNum").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", dto.GetProperty("SendDate").GetString());

        // A second customer with its own key asks for the first one's BizId and number: nothing.
        using var other = s.App.CreatePageClient();
        await CustomerScenario.RegisterAsync(s.App, other, "13800000009", "other@example.com");
        var otherId = await s.App.WithDbAsync(d => d.Customers.Where(c => c.Phone == "13800000009").Select(c => c.Id).SingleAsync());
        var otherKey = await CompatScenario.CreateKeyAsync(s.App, otherId);
        var (otherStatus, theirs) = await s.SendAsync(s.V1("QuerySendDetails", query, keyId: otherKey.Key.AccessKeyId, secret: otherKey.Secret));
        Assert.Equal(200, otherStatus);
        Assert.Equal("OK", theirs.GetProperty("Code").GetString());
        Assert.Equal("0", theirs.GetProperty("TotalCount").GetString());
        Assert.Equal(0, theirs.GetProperty("SmsSendDetailDTOs").GetProperty("SmsSendDetailDTO").GetArrayLength());
        query.Remove("BizId");
        var (_, noBiz) = await s.SendAsync(s.V1("QuerySendDetails", query, keyId: otherKey.Key.AccessKeyId, secret: otherKey.Secret));
        Assert.Equal("0", noBiz.GetProperty("TotalCount").GetString());

        // Paging and date rules.
        query["PageSize"] = "51";
        var (_, badSize) = await s.SendAsync(s.V1("QuerySendDetails", query));
        Assert.Equal("isv.INVALID_PARAMETERS", badSize.GetProperty("Code").GetString());
        query["PageSize"] = "10";
        query["SendDate"] = "2020-01-01";
        var (_, badDate) = await s.SendAsync(s.V1("QuerySendDetails", query));
        Assert.Equal("isv.INVALID_PARAMETERS", badDate.GetProperty("Code").GetString());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task SendSms_ToAThousandNumbers_FitsKestrelsRequestLine_WithV3AndV1(DatabaseKind db)
    {
        await using var s = await CompatScenario.StartAsync(db, balance: 2000, loopback: true);
        var numbers = Enumerable.Range(0, 1000).Select(i => "1391234" + i.ToString("D4", CultureInfo.InvariantCulture)).ToList();

        // Our client signs V3 with every parameter in the query, as Alibaba's current SDKs do.
        var v3 = await s.AliyunClient("/", AliyunSignatureVersion.V3).SendSmsAsync(new SendSmsRequest(numbers, "群发沙箱", CompatScenario.TemplateCode,
            new Dictionary<string, string> { ["order"] = "K1" }), Ct);
        Assert.True(v3.IsAccepted, $"{v3.Code} {v3.Message}");
        var (status, v1) = await s.SendAsync(s.V1("SendSms", CompatScenario.SendSms(string.Join(',', numbers)), path: "/"));
        Assert.True(status == 200, v1.ToString());
        Assert.Equal("OK", v1.GetProperty("Code").GetString());

        Assert.Equal(2000, await s.UsedAsync());
        Assert.Equal(2000, await s.App.WithDbAsync(d => d.SendRecords.CountAsync()));
    }
}
