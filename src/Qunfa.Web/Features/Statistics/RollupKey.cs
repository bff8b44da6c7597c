using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Infrastructure.Time;

namespace Qunfa.Web.Features.Statistics;

/// <summary>What a rollup row is kept per: the task's local send day, customer, signature, template and category.</summary>
public readonly record struct RollupKey(
    DateOnly Day, int CustomerId, string SignName, string TemplateCode, string TemplateName, TemplateType TemplateType, SmsCategory Category)
    : IComparable<RollupKey>
{
    public static RollupKey Of(SendTask task, OperatorClock clock) =>
        new(SendDay(task.ScheduledAt, task.CreatedAt, clock), task.CustomerId, task.SignName, task.TemplateCode, task.TemplateName, task.TemplateType, task.Category);

    public static DateOnly SendDay(DateTimeOffset? scheduledAt, DateTimeOffset createdAt, OperatorClock clock) =>
        DateOnly.FromDateTime(clock.ToLocal(scheduledAt ?? createdAt).DateTime);

    /// <summary>A fixed order, so that concurrent transactions lock the rows they share in the same order.</summary>
    public int CompareTo(RollupKey other)
    {
        var c = Day.CompareTo(other.Day);
        if (c == 0) c = CustomerId.CompareTo(other.CustomerId);
        if (c == 0) c = string.CompareOrdinal(SignName, other.SignName);
        if (c == 0) c = string.CompareOrdinal(TemplateCode, other.TemplateCode);
        if (c == 0) c = string.CompareOrdinal(TemplateName, other.TemplateName);
        if (c == 0) c = TemplateType.CompareTo(other.TemplateType);
        if (c == 0) c = Category.CompareTo(other.Category);
        return c;
    }
}
