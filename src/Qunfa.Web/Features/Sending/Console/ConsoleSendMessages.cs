namespace Qunfa.Web.Features.Sending.Console;

/// <summary>Messages of the customer's send pages (resource keys).</summary>
public static class ConsoleSendMessages
{
    public const string NoNumbers = "请输入手机号码或上传号码文件";
    public const string PreviewExpired = "预览已失效，请重新预览";
    public const string ScheduleInvalid = "定时发送时间格式不正确";
    public const string Submitted = "已提交";
    public const string CannotCancel = "任务已开始发送或已结束，不能取消";
    public const string Cancelled = "任务已取消，短信条数已退回";
    public const string NoFailedNumbers = "该任务没有发送失败的号码";
}
