using System.Text.Json;
using Qunfa.Aliyun.Common;
using Qunfa.Aliyun.Rpc;

namespace Qunfa.Aliyun.Manage;

internal sealed partial class AliyunSmsManagementClient
{
    public async Task<string?> SubmitSmsQualificationAsync(SmsQualificationApplication application, CancellationToken cancellationToken = default)
    {
        var response = await InvokeAsync(QualificationRequest(application), cancellationToken).ConfigureAwait(false);
        return IdFrom(response.Root, "QualificationGroupId", "QualificationId");
    }

    public async Task<ListPage<SmsQualificationRecord>> QuerySmsQualificationRecordAsync(SmsQualificationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        Paging.Validate(query.PageNo, query.PageSize);
        var request = new RpcRequest("QuerySmsQualificationRecord")
            .Add("PageNo", query.PageNo)
            .Add("PageSize", query.PageSize)
            .Add("QualificationGroupName", query.QualificationGroupName)
            .Add("CompanyName", query.CompanyName)
            .Add("LegalPersonName", query.LegalPersonName)
            .Add("State", query.State)
            .Add("WorkOrderId", query.WorkOrderId);
        var response = await InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        var data = response.Root.Payload("Data");
        var items = data.Array("List").Select(row => new SmsQualificationRecord(
            row.Str("GroupId") ?? row.Str("QualificationGroupId") ?? string.Empty,
            row.Str("QualificationGroupName"),
            row.Str("CompanyName"),
            QualificationState(row),
            row.Str("AuditRemark"),
            row.Str("WorkOrderId"),
            row.Bool("UseBySelf"),
            ChinaTime.Parse(row.Str("AuditTime")),
            ChinaTime.Parse(row.Str("CreateDate")))).ToList();
        return new ListPage<SmsQualificationRecord>(data.Long("Total") ?? items.Count, items, response.RequestId);
    }

    public async Task RequiredPhoneCodeAsync(string phoneNo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNo);
        await InvokeAsync(new RpcRequest("RequiredPhoneCode").Add("PhoneNo", phoneNo.Trim()), cancellationToken).ConfigureAwait(false);
    }

    internal static RpcRequest QualificationRequest(SmsQualificationApplication a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!a.UseBySelf && a.BusinessLicensePics.Count == 0)
        {
            throw new ArgumentException("BusinessLicensePics are required when UseBySelf is false.", nameof(a));
        }

        return new RpcRequest("SubmitSmsQualification")
            .Add("QualificationName", a.QualificationName)
            .Add("UseBySelf", a.UseBySelf)
            .Add("WhetherShare", a.WhetherShare)
            .Add("CompanyName", a.CompanyName)
            .Add("CompanyType", a.CompanyType)
            .Add("OrganizationCode", a.OrganizationCode)
            .Add("BussinessLicenseExpDate", a.BusinessLicenseExpDate)
            .Add("LegalPersonName", a.LegalPersonName)
            .Add("LegalPersonIDCardNo", a.LegalPersonIdCardNo)
            .Add("LegalPersonIDCardType", a.LegalPersonIdCardType)
            .Add("LegalPersonIdCardEffTime", a.LegalPersonIdCardEffTime)
            .Add("LegalPersonIdCardFrontSide", a.LegalPersonIdCardFrontSide)
            .Add("LegalPersonIdCardBackSide", a.LegalPersonIdCardBackSide)
            .Add("AdminName", a.AdminName)
            .Add("AdminIDCardNo", a.AdminIdCardNo)
            .Add("AdminIDCardType", a.AdminIdCardType)
            .Add("AdminIDCardExpDate", a.AdminIdCardExpDate)
            .Add("AdminIDCardPic", a.AdminIdCardPic)
            .Add("AdminIDCardFrontFace", a.AdminIdCardFrontFace)
            .Add("AdminPhoneNo", a.AdminPhoneNo)
            .Add("CertifyCode", a.CertifyCode)
            .Add("BusinessLicensePics", a.BusinessLicensePics.Count == 0 ? null : JsonText.ArrayOfObjects(
                a.BusinessLicensePics.Select(p => new Dictionary<string, string> { ["Type"] = p.Type, ["LicensePic"] = p.LicensePic })))
            .Add("OtherFiles", a.OtherFiles is null ? null : JsonText.ArrayOfObjects(
                a.OtherFiles.Select(key => new Dictionary<string, string> { ["LicensePic"] = key })))
            .Add("Remark", a.Remark);
    }

    // Data is documented as the bare id (number or string); tolerate an object carrying it too.
    private static string? IdFrom(JsonElement root, params string[] names) => root.Get("Data") switch
    {
        { ValueKind: JsonValueKind.Object } data => names.Select(n => data.Str(n)).FirstOrDefault(v => v is not null),
        { ValueKind: JsonValueKind.String or JsonValueKind.Number } => root.Str("Data"),
        _ => names.Select(n => root.Str(n)).FirstOrDefault(v => v is not null),
    };

    // StateName carries the state code in the current API; older answers put it in State.
    private static ReviewStatus QualificationState(JsonElement row)
    {
        var byName = ReviewStatusMapper.FromQualificationState(row.Str("StateName"), row.Str("AuditRemark"));
        return byName.State != ReviewState.Unknown ? byName : ReviewStatusMapper.FromQualificationState(row.Str("State"), row.Str("AuditRemark"));
    }
}
