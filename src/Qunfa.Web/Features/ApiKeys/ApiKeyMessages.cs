namespace Qunfa.Web.Features.ApiKeys;

public static class ApiKeyMessages
{
    public const string NameRequired = "请填写密钥名称（不超过32个字符）";
    public const string TooMany = "最多同时启用5个密钥，请先停用不用的密钥";
}
