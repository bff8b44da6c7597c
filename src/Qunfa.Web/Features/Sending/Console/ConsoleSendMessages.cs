namespace Qunfa.Web.Features.Sending.Console;

/// <summary>Messages of the customer's send pages (resource keys).</summary>
public static class ConsoleSendMessages
{
    public const string NoNumbers = "请输入手机号码或上传号码文件";
    public const string PreviewExpired = "预览已失效，请重新预览";
    public const string ScheduleInvalid = "定时发送时间格式不正确";
    public const string Submitted = "已提交";
}
