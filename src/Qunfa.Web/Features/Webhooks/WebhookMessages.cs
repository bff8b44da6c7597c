namespace Qunfa.Web.Features.Webhooks;

public static class WebhookMessages
{
    public const string UrlRequired = "请填写回调地址";
    public const string UrlInvalid = "回调地址格式不正确，应以https://开头";
    public const string UrlTooLong = "回调地址不能超过500个字符";
    public const string HttpsRequired = "回调地址必须使用https";
    public const string PrivateAddress = "回调地址不能指向内网或本机地址";
    public const string Saved = "回调地址已保存";
    public const string SecretRegenerated = "签名密钥已重新生成，请更新接收方的验证配置";
    public const string NoEndpoint = "请先设置回调地址";
    public const string Removed = "回调已停用";
}
