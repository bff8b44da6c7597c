using System.Text.Json;
using Qunfa.Aliyun.Common;

namespace Qunfa.Aliyun.Notifications;

public static class SmsUpParser
{
    public static InboundMessage Parse(string json) => NotificationJson.ParseOne(json, Read);

    public static IReadOnlyList<InboundMessage> ParsePush(string json) => NotificationJson.ParseMany(json, Read);

    internal static InboundMessage Read(JsonElement e) => new(
        e.Str("phone_number") ?? string.Empty,
        e.Str("content") ?? string.Empty,
        ChinaTime.Parse(e.Str("send_time")),
        e.Str("dest_code"),
        e.Str("sequence_id"),
        e.Str("sign_name"));
}
