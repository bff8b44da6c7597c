using Qunfa.Aliyun.Errors;

namespace Qunfa.Web.Features.Messaging;

/// <summary>What to tell a person when the carrier refuses a management call.</summary>
public static class CarrierRefusal
{
    /// <summary>A passing failure asks to try again; otherwise the carrier's own words are kept, they say what to correct.</summary>
    public static string Message(AliyunApiException e, string what = "提交失败") => e.Outcome switch
    {
        AliyunOutcome.Retryable or AliyunOutcome.Ambiguous => "短信服务暂时不可用，请稍后再试",
        AliyunOutcome.FlowControlled => "操作过于频繁，请稍后再试",
        _ => string.IsNullOrWhiteSpace(e.ErrorMessage) ? $"{what}，请检查填写内容后重试" : $"{what}：{e.ErrorMessage}",
    };
}
