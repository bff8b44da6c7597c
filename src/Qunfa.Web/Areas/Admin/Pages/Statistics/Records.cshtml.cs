using Microsoft.Extensions.Localization;
using Qunfa.Web.Features.Sending.Records;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Statistics;

/// <summary>业务统计 › 发送记录查询 over every customer's records.</summary>
public sealed class RecordsModel(RecordSearch search, OperatorClock clock, IStringLocalizer<SharedResource> localizer)
    : RecordQueryPageModel(search, clock, localizer)
{
    protected override int? CustomerId => null;
    public override string BasePath => AdminRecordPaths.Base;
}

internal static class AdminRecordPaths
{
    public const string Base = "/admin/statistics/records";

    public static string Owner(System.Security.Claims.ClaimsPrincipal user) =>
        "admin:" + user.FindFirst(Features.AdminAuth.AdminClaims.AdminId)?.Value;
}
