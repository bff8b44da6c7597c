using Qunfa.Aliyun.Errors;

namespace Qunfa.Web.Features.Messaging;

/// <summary>What to tell a person when the carrier refuses a management call.</summary>
public static class CarrierRefusal
{
    public static string Message(AliyunApiException e) => e.Outcome switch
    {
        AliyunOutcome.Retryable or AliyunOutcome.Ambiguous => "短信服务暂时不可用，请稍后再试",
        AliyunOutcome.FlowControlled => "操作过于频繁，请稍后再试",
        _ => "提交失败：" + e.Message,
    };
}
