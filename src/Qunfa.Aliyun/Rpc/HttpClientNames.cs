namespace Qunfa.Aliyun.Rpc;

/// <summary>Named clients, each with its own resilience pipeline.</summary>
public static class HttpClientNames
{
    /// <summary>SendSms / SendBatchSms: timeouts only, never retried automatically (not idempotent).</summary>
    public const string Send = "Qunfa.Aliyun.Send";

    /// <summary>Read-only queries and management calls: timeouts and retries of transient failures.</summary>
    public const string Query = "Qunfa.Aliyun.Query";

    /// <summary>MNS long polling: attempt timeout longer than the poll wait.</summary>
    public const string Mns = "Qunfa.Aliyun.Mns";

    /// <summary>OSS PostObject uploads.</summary>
    public const string Oss = "Qunfa.Aliyun.Oss";
}
