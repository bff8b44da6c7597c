using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Manage;

internal sealed partial class AliyunSmsManagementClient
{
    public async Task<SmsTemplateApplicationResult> CreateSmsTemplateAsync(SmsTemplateApplication application, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync(TemplateRequest("CreateSmsTemplate", null, application), cancellationToken).ConfigureAwait(false);
        return TemplateResult(response, null, application);
    }

    public async Task<SmsTemplateApplicationResult> UpdateSmsTemplateAsync(string templateCode, SmsTemplateApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateCode);
        var response = await InvokeAsync(TemplateRequest("UpdateSmsTemplate", templateCode, application), cancellationToken).ConfigureAwait(false);
        return TemplateResult(response, templateCode, application);
    }

    public async Task<SmsTemplateApplicationResult> AddSmsTemplateAsync(
        string templateName, string templateContent, SmsTemplateType templateType, string remark, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(remark);
        var application = new SmsTemplateApplication(templateName, templateContent, templateType);
        var request = TemplateRequest("AddSmsTemplate", null, application).Add("Remark", remark);
        var response = await InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        return TemplateResult(response, null, application);
    }

    public async Task<SmsTemplate> GetSmsTemplateAsync(string templateCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateCode);
        var response = await InvokeAsync(new RpcRequest("GetSmsTemplate").Add("TemplateCode", templateCode), cancellationToken).ConfigureAwait(false);
        var data = response.Root.Payload("Data");
        var audit = data.Get("AuditInfo") ?? default;
        return new SmsTemplate(
            data.Str("TemplateCode") ?? templateCode,
            data.Str("TemplateName"),
            data.Str("TemplateContent"),
            TemplateTypeOf(data.Int("TemplateType")),
            ReviewStatusMapper.FromNumeric(data.Str("TemplateStatus"), audit.Str("RejectInfo")),
            data.Str("RelatedSignName"),
            data.Str("VariableAttribute"),
            ChinaTime.Parse(data.Str("CreateDate")),
            data.Str("OrderId"));
    }

    public async Task DeleteSmsTemplateAsync(string templateCode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(templateCode);
        await InvokeAsync(new RpcRequest("DeleteSmsTemplate").Add("TemplateCode", templateCode), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ListPage<SmsTemplateSummary>> QuerySmsTemplateListAsync(int pageIndex = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        Paging.Validate(pageIndex, pageSize);
        var request = new RpcRequest("QuerySmsTemplateList").Add("PageIndex", pageIndex).Add("PageSize", pageSize);
        var response = await InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        var items = response.Root.Array("SmsTemplateList").Select(row =>
        {
            var reason = row.Get("Reason") ?? default;
            return new SmsTemplateSummary(
                row.Str("TemplateCode") ?? string.Empty,
                row.Str("TemplateName"),
                row.Str("TemplateContent"),
                row.Int("OuterTemplateType") is { } outer ? TemplateTypeOf(outer) : ListTemplateTypeOf(row.Int("TemplateType")),
                ReviewStatusMapper.FromAuditStatus(row.Str("AuditStatus"), reason.Str("RejectInfo")),
                row.Str("SignatureName"),
                ChinaTime.Parse(row.Str("CreateDate")),
                row.Str("OrderId"));
        }).ToList();
        return new ListPage<SmsTemplateSummary>(response.Root.Long("TotalCount") ?? items.Count, items, response.RequestId);
    }

    internal static RpcRequest TemplateRequest(string action, string? templateCode, SmsTemplateApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentException.ThrowIfNullOrWhiteSpace(application.TemplateName);
        ArgumentException.ThrowIfNullOrWhiteSpace(application.TemplateContent);
        if (application.TemplateName.Length > SmsTemplateApplication.MaxNameLength)
        {
            throw new ArgumentException($"TemplateName must be at most {SmsTemplateApplication.MaxNameLength} characters.", nameof(application));
        }

        if (application.TemplateContent.Length > SmsTemplateApplication.MaxContentLength)
        {
            throw new ArgumentException($"TemplateContent must be at most {SmsTemplateApplication.MaxContentLength} characters.", nameof(application));
        }

        return new RpcRequest(action)
            .Add("TemplateCode", templateCode)
            .Add("TemplateName", application.TemplateName)
            .Add("TemplateContent", application.TemplateContent)
            .Add("TemplateType", (int)application.TemplateType)
            .Add("RelatedSignName", application.RelatedSignName)
            .Add("TemplateRule", application.TemplateRule)
            .Add("Remark", application.Remark)
            .Add("MoreData", application.MoreData is null ? null : JsonText.ArrayOfStrings(application.MoreData))
            .Add("IntlType", application.IntlType)
            .Add("TrafficDriving", application.TrafficDriving);
    }

    private static SmsTemplateApplicationResult TemplateResult(RpcResponse response, string? templateCode, SmsTemplateApplication application)
    {
        var data = response.Root.Payload("Data");
        return new SmsTemplateApplicationResult(
            data.Str("TemplateCode") ?? templateCode ?? string.Empty,
            data.Str("TemplateName") ?? application.TemplateName,
            data.Str("OrderId"),
            response.RequestId);
    }

    private static SmsTemplateType TemplateTypeOf(int? value) => value switch
    {
        0 => SmsTemplateType.VerificationCode,
        1 => SmsTemplateType.Notification,
        2 => SmsTemplateType.Promotion,
        3 => SmsTemplateType.International,
        7 => SmsTemplateType.Digital,
        _ => SmsTemplateType.Unknown,
    };

    // QuerySmsTemplateList numbers TemplateType differently from everything else.
    private static SmsTemplateType ListTemplateTypeOf(int? value) => value switch
    {
        0 => SmsTemplateType.Notification,
        1 => SmsTemplateType.Promotion,
        2 => SmsTemplateType.VerificationCode,
        6 => SmsTemplateType.International,
        7 => SmsTemplateType.Digital,
        _ => SmsTemplateType.Unknown,
    };
}
