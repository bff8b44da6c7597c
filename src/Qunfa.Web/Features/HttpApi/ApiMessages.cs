namespace Qunfa.Web.Features.HttpApi;

/// <summary>The Chinese details /api/v1 answers with.</summary>
public static class ApiMessages
{
    public const string MissingHeaders = "缺少签名请求头：X-Qunfa-Key、X-Qunfa-Timestamp、X-Qunfa-Nonce、X-Qunfa-Signature";
    public const string UnknownKey = "AccessKeyId不存在或已停用";
    public const string BadTimestamp = "X-Qunfa-Timestamp须为Unix秒数，且与服务器时间相差不超过5分钟";
    public const string BadNonce = "X-Qunfa-Nonce须为8到64个字母、数字、-或_";
    public const string NonceReused = "该Nonce已使用过，请为每个请求生成新的Nonce";
    public const string SignatureMismatch = "签名不正确，请检查StringToSign与密钥";
    public const string TooLarge = "请求体不能超过2MB";
    public const string InvalidRequest = "请求参数有误，详见errors";
    public const string InvalidJson = "请求体不是有效的JSON，或字段类型不正确";
    public const string SignNameRequired = "请填写signName";
    public const string TemplateCodeRequired = "请填写templateCode";
    public const string NumbersOrItems = "请提供phoneNumbers、items或groupIds";
    public const string NotBoth = "phoneNumbers与items只能提供其一";
    public const string TooManyNumbers = "号码数量须为1到1000个";
    public const string TemplateNotUsable = "templateCode不是您已审批通过的模板";
    public const string MissingVariables = "templateParam缺少模板变量的值：{0}";
    public const string TaskNotFound = "任务不存在";
    public const string NoSuchEndpoint = "接口不存在，请查看接口文档";
    public const string PhoneRequired = "请填写phone";
    public const string DateInvalid = "date须为yyyy-MM-dd格式的日期";
    public const string OutIdTooLong = "outId不能超过256个字符";
    public const string TooManyGroups = "groupIds须为1到50个分组编号";
}
