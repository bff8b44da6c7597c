using Qunfa.Web.Features.Sending.Records;
using Qunfa.Web.Infrastructure.Export;

namespace Qunfa.Web.Areas.Admin.Pages.Statistics;

/// <summary>A background export of 发送记录查询 started by this admin: progress, then the file.</summary>
public sealed class RecordExportModel(ExportJobs jobs) : RecordExportPageModel(jobs)
{
    protected override string JobOwner => AdminRecordPaths.Owner(User);
    public override string BasePath => AdminRecordPaths.Base;
}
