namespace Qunfa.Web.Features.Replies;

public static class ReplyMessages
{
    public const string PhoneRequired = "请填写手机号码";
    public const string PhoneInvalid = "手机号码格式不正确";
    public const string AlreadyOptedOut = "该号码已在退订名单中";
    public const string Added = "已加入退订名单";
    public const string Removed = "已从退订名单移除";
}
