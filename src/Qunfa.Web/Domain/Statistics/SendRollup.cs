using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;

namespace Qunfa.Web.Domain.Statistics;

/// <summary>
/// One operator-local day's sending of one customer with one signature and template: the numbers its tasks
/// were accepted with and what became of them. Kept in step with the records in the same transactions that
/// change them, so 首页 and 发送量统计 never read recipient rows; rebuilt from the records on demand.
/// </summary>
public sealed class SendRollup
{
    public const short AcceptedSlot = 0;
    public const short SettledSlot = 1;

    public long Id { get; set; }
    /// <summary>The task's send day (scheduled time, else creation time) in the operator's zone.</summary>
    public DateOnly Day { get; set; }
    public int CustomerId { get; set; }
    public string SignName { get; set; } = "";
    public string TemplateCode { get; set; } = "";
    public string TemplateName { get; set; } = "";
    public TemplateType TemplateType { get; set; }
    public SmsCategory Category { get; set; }
    /// <summary>
    /// Which writer's row of the key this is: acceptance adds to <see cref="AcceptedSlot"/>, everything that happens
    /// to records afterwards to <see cref="SettledSlot"/>. On PostgreSQL a send's transaction would otherwise wait for a
    /// receipt's on the row they share; every reader sums the rows of a key.
    /// </summary>
    public short Slot { get; set; }
    /// <summary>Numbers accepted (发送总量 before cancellations).</summary>
    public long Numbers { get; set; }
    public long Delivered { get; set; }
    public long Failed { get; set; }
    public long Unknown { get; set; }
    public long Cancelled { get; set; }
    /// <summary>Segments charged when accepted.</summary>
    public long Segments { get; set; }
    /// <summary>Segments given back (failures when refunds are on, cancellations).</summary>
    public long RefundedSegments { get; set; }
}
