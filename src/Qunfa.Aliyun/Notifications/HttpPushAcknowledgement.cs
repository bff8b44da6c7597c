namespace Qunfa.Aliyun.Notifications;

/// <summary>The answer Alibaba expects from an HTTP push endpoint; anything else makes it retry after 1, 5 and 10 minutes.</summary>
public static class HttpPushAcknowledgement
{
    public const string ContentType = "application/json";

    public const string Body = "{\"code\":0,\"msg\":\"接收成功\"}";
}
