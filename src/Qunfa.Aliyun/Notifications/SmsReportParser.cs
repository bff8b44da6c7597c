using System.Text.Json;
using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Sms;

namespace Qunfa.Aliyun.Notifications;

public static class SmsReportParser
{
    /// <summary>One SmsReport object (an MNS message body).</summary>
    public static DeliveryReport Parse(string json) => NotificationJson.ParseOne(json, Read);

    /// <summary>An HTTP batch push (JSON array).</summary>
    public static IReadOnlyList<DeliveryReport> ParsePush(string json) => NotificationJson.ParseMany(json, Read);

    internal static DeliveryReport Read(JsonElement e)
    {
        var errCode = e.Str("err_code");
        var success = e.Bool("success") ?? errCode is "DELIVERED" or "DELIVRD";
        return new DeliveryReport(
            e.Str("phone_number") ?? string.Empty,
            e.Str("biz_id"),
            e.Str("out_id"),
            success ? DeliveryState.Delivered : DeliveryState.Failed,
            errCode,
            e.Str("err_msg"),
            ChinaTime.Parse(e.Str("send_time")),
            ChinaTime.Parse(e.Str("report_time")),
            e.Int("sms_size"));
    }
}
