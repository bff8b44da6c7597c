using System.Text.Json;
using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Manage;

internal sealed partial class AliyunSmsManagementClient
{
    public async Task<string?> CreateSmsAuthorizationLetterAsync(SmsAuthorizationLetterApplication application, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync(LetterRequest(application), cancellationToken).ConfigureAwait(false);
        return IdFrom(response.Root, "AuthorizationLetterId");
    }

    public async Task<IReadOnlyList<SmsAuthorizationLetter>> QuerySmsAuthorizationLetterAsync(SmsAuthorizationLetterQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = new RpcRequest("QuerySmsAuthorizationLetter")
            .Add("AuthorizationLetterIdList", query.AuthorizationLetterIdList is null ? null : JsonText.ArrayOfStrings(query.AuthorizationLetterIdList))
            .Add("SignName", query.SignName)
            .Add("OrganizationCode", query.OrganizationCode)
            .Add("State", query.State)
            .Add("Status", query.Status);
        var response = await InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        var rows = response.Root.Get("Data") is { ValueKind: JsonValueKind.Object } wrapper ? wrapper.Array("List") : response.Root.Array("Data");
        return rows.Select(row => new SmsAuthorizationLetter(
            row.Str("AuthorizationLetterId") ?? string.Empty,
            row.Str("AuthorizationLetterName"),
            row.Str("Authorization"),
            row.Str("ProxyAuthorization"),
            row.Str("OrganizationCode"),
            row.Str("AuthorizationLetterExpDate"),
            row.Str("AuthorizationLetterPic"),
            row.Strings("SignScope"),
            ReviewStatusMapper.FromQualificationState(row.Str("State"), row.Str("AuditRemark")),
            row.Str("Status") is { } status ? string.Equals(status, "VALID", StringComparison.OrdinalIgnoreCase) : null)).ToList();
    }

    internal static RpcRequest LetterRequest(SmsAuthorizationLetterApplication a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.SignList.Count is 0 or > SmsAuthorizationLetterApplication.MaxSigns)
        {
            throw new ArgumentException($"SignList takes 1 to {SmsAuthorizationLetterApplication.MaxSigns} signatures.", nameof(a));
        }

        return new RpcRequest("CreateSmsAuthorizationLetter")
            .Add("Authorization", a.Authorization)
            .Add("ProxyAuthorization", a.ProxyAuthorization)
            .Add("OrganizationCode", a.OrganizationCode)
            .Add("AuthorizationLetterName", a.AuthorizationLetterName)
            .Add("AuthorizationLetterExpDate", a.AuthorizationLetterExpDate)
            .Add("AuthorizationLetterPic", a.AuthorizationLetterPic)
            .Add("SignList", JsonText.ArrayOfStrings(a.SignList));
    }
}
