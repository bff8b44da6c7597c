using System.Text.Json;
using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Manage;

internal sealed partial class AliyunSmsManagementClient
{
    public async Task<SmsSignApplicationResult> CreateSmsSignAsync(SmsSignApplication application, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync(SignRequest("CreateSmsSign", application), cancellationToken).ConfigureAwait(false);
        return SignResult(response, application.SignName);
    }

    public async Task<SmsSignApplicationResult> UpdateSmsSignAsync(SmsSignApplication application, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync(SignRequest("UpdateSmsSign", application), cancellationToken).ConfigureAwait(false);
        return SignResult(response, application.SignName);
    }

    public async Task<SmsSign> GetSmsSignAsync(string signName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signName);
        var response = await InvokeAsync(new RpcRequest("GetSmsSign").Add("SignName", signName), cancellationToken).ConfigureAwait(false);
        var data = response.Root.Payload("Data");
        var audit = data.Get("AuditInfo") ?? default;
        return new SmsSign(
            data.Str("SignName") ?? signName,
            data.Str("SignCode"),
            ReviewStatusMapper.FromNumeric(data.Str("SignStatus"), audit.Str("RejectInfo")),
            ChinaTime.Parse(data.Str("CreateDate")),
            data.Str("OrderId"),
            data.Str("Remark"),
            data.Str("ApplyScene"),
            data.Str("SignUsage"),
            data.Bool("ThirdParty"),
            data.Str("QualificationId"),
            data.Str("AuthorizationLetterId"),
            data.Bool("AuthorizationLetterAuditPass"),
            data.Strings("FileUrlList"),
            data.Array("SignIspRegisterDetailList").Select(Carrier).ToList());
    }

    public async Task<SmsSignReview> QuerySmsSignAsync(string signName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signName);
        var response = await InvokeAsync(new RpcRequest("QuerySmsSign").Add("SignName", signName), cancellationToken).ConfigureAwait(false);
        var root = response.Root;
        return new SmsSignReview(
            root.Str("SignName") ?? signName,
            ReviewStatusMapper.FromNumeric(root.Str("SignStatus"), root.Str("Reason")),
            ChinaTime.Parse(root.Str("CreateDate")),
            response.RequestId);
    }

    public async Task DeleteSmsSignAsync(string signName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signName);
        await InvokeAsync(new RpcRequest("DeleteSmsSign").Add("SignName", signName), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ListPage<SmsSignSummary>> QuerySmsSignListAsync(int pageIndex = 1, int pageSize = 50, CancellationToken cancellationToken = default)
    {
        Paging.Validate(pageIndex, pageSize);
        var request = new RpcRequest("QuerySmsSignList").Add("PageIndex", pageIndex).Add("PageSize", pageSize);
        var response = await InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        var items = response.Root.Array("SmsSignList").Select(row =>
        {
            var reason = row.Get("Reason") ?? default;
            return new SmsSignSummary(
                row.Str("SignName") ?? string.Empty,
                ReviewStatusMapper.FromAuditStatus(row.Str("AuditStatus"), reason.Str("RejectInfo")),
                row.Str("BusinessType"),
                ChinaTime.Parse(row.Str("CreateDate")),
                row.Str("OrderId"),
                row.Str("AuthorizationLetterId"),
                row.Bool("AuthorizationLetterAuditPass"));
        }).ToList();
        return new ListPage<SmsSignSummary>(response.Root.Long("TotalCount") ?? items.Count, items, response.RequestId);
    }

    internal static RpcRequest SignRequest(string action, SmsSignApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentException.ThrowIfNullOrWhiteSpace(application.SignName);
        ArgumentException.ThrowIfNullOrWhiteSpace(application.QualificationId);
        if (application.SignName.Length is < 2 or > 12)
        {
            throw new ArgumentException("SignName must be 2 to 12 characters.", nameof(application));
        }

        if (application.Remark?.Length > SmsSignApplication.MaxRemarkLength)
        {
            throw new ArgumentException($"Remark must be at most {SmsSignApplication.MaxRemarkLength} characters.", nameof(application));
        }

        if (application.ThirdParty == true && string.IsNullOrWhiteSpace(application.AuthorizationLetterId))
        {
            throw new ArgumentException("A third-party signature needs an AuthorizationLetterId.", nameof(application));
        }

        return new RpcRequest(action)
            .Add("SignName", application.SignName)
            .Add("SignSource", (int)application.SignSource)
            .Add("SignType", (int?)application.SignType)
            .Add("Remark", application.Remark)
            .Add("QualificationId", application.QualificationId)
            .Add("ThirdParty", application.ThirdParty)
            .Add("AuthorizationLetterId", application.AuthorizationLetterId)
            .Add("MoreData", application.MoreData is null ? null : JsonText.ArrayOfStrings(application.MoreData))
            .Add("ApplySceneContent", application.ApplySceneContent)
            .Add("AppIcpRecordId", application.AppIcpRecordId)
            .Add("TrademarkId", application.TrademarkId);
    }

    private static SmsSignApplicationResult SignResult(RpcResponse response, string signName)
    {
        var data = response.Root.Payload("Data");
        return new SmsSignApplicationResult(data.Str("SignName") ?? signName, data.Str("OrderId"), response.RequestId);
    }

    private static CarrierRegistration Carrier(JsonElement row) =>
        new(row.Str("OperatorCode") ?? string.Empty, row.Int("RegisterStatus"), CarrierReasons(row));

    // RegisterStatusReasons is a list of {ReasonCode, ReasonDescList[]}; tolerate a plain string too.
    private static string? CarrierReasons(JsonElement row)
    {
        if (row.Get("RegisterStatusReasons") is { ValueKind: JsonValueKind.String } text)
        {
            return text.GetString();
        }

        var reasons = row.Array("RegisterStatusReasons")
            .SelectMany(r => r.Strings("ReasonDescList") is { Count: > 0 } descriptions ? descriptions : [r.Str("ReasonCode") ?? string.Empty])
            .Where(r => r.Length > 0)
            .ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }
}
