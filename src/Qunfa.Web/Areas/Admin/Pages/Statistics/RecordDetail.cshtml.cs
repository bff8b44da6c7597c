using Microsoft.Extensions.Localization;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Features.AdminLog;
using Qunfa.Web.Features.Sending.Records;
using Qunfa.Web.Infrastructure.Export;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Areas.Admin.Pages.Statistics;

/// <summary>发送记录查询 › 详情 over every customer's records, with its exports.</summary>
public sealed class RecordDetailModel(RecordSearch search, ExportJobs jobs, AdminLogWriter adminLog, OperatorClock clock, IStringLocalizer<SharedResource> localizer)
    : RecordDetailPageModel(search, jobs, clock, localizer)
{
    // The operator reads every customer's numbers here; taking them away in a file is written to 操作日志.
    protected override Task OnExportingAsync(string fileName, CancellationToken ct) =>
        adminLog.WriteAsync(AdminAction.ExportSendRecords, succeeded: true, detail: fileName, ct: ct);

    protected override int? CustomerId => null;
    public override string BasePath => AdminRecordPaths.Base;
    protected override string JobOwner => AdminRecordPaths.Owner(User);
}
