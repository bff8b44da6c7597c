namespace Qunfa.Web.Features.HttpApi;

/// <summary>
/// Every <c>code</c> an /api/v1 ProblemDetails can carry, with its HTTP status and meaning: published in the OpenAPI
/// description and on 接口密钥. A test holds this list to the codes the code base actually answers with.
/// </summary>
public static class ApiErrorCodes
{
    public sealed record Entry(string Code, int Status, string Meaning);

    public static readonly IReadOnlyList<Entry> All =
    [
        new("MissingSignature", 401, "缺少签名请求头"),
        new("InvalidAccessKeyId", 401, "AccessKeyId不存在或已停用"),
        new("RequestTimeTooSkewed", 401, "X-Qunfa-Timestamp与服务器时间相差超过5分钟"),
        new("InvalidNonce", 401, "X-Qunfa-Nonce格式不正确"),
        new("NonceReused", 401, "该Nonce已使用过"),
        new("SignatureDoesNotMatch", 401, "签名不正确"),
        new("RequestTooLarge", 413, "请求体超过2MB"),
        new("InvalidRequest", 400, "请求参数有误，errors中按字段列出"),
        new("NotFound", 404, "任务或接口不存在（包括其他客户的任务）"),
        new("AccountFrozen", 422, "账号已被冻结，不能发送"),
        new("SignatureNotUsable", 422, "签名不是您已审批通过的签名"),
        new("TemplateNotUsable", 422, "templateCode不是您已审批通过的模板"),
        new("SceneMismatch", 422, "验证码签名只能发送验证码模板"),
        new("MissingVariables", 422, "缺少模板变量的值"),
        new("ContentTooLong", 422, "短信内容超过500个字符"),
        new("BalanceTooLow", 422, "短信包余量不足"),
        new("ScheduleOutOfRange", 422, "定时发送时间须在现在之后、30天以内"),
        new("NoValidRecipients", 422, "没有有效号码（无效号码在invalidNumbers中列出）"),
        new("SendRefused", 422, "发送被拒绝，原因见detail"),
    ];
}
