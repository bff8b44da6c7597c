using System.Text.Json;
using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Manage;

namespace Qunfa.Aliyun.Notifications;

public static class SignSmsReportParser
{
    public static SignReviewReport Parse(string json) => NotificationJson.ParseOne(json, Read);

    public static IReadOnlyList<SignReviewReport> ParsePush(string json) => NotificationJson.ParseMany(json, Read);

    internal static SignReviewReport Read(JsonElement e) => new(
        e.Str("sign_name") ?? string.Empty,
        ReviewStatusMapper.FromReportStatus(e.Str("sign_status"), e.Str("reason")),
        e.Str("sign_source"),
        e.Str("sign_scene"),
        e.Str("remark"),
        ChinaTime.Parse(e.Str("create_date")),
        // order_id over MNS, orderId over HTTP push.
        e.Str("order_id") ?? e.Str("orderId"));
}
