using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;

namespace Qunfa.Web.Features.Members;

/// <summary>发送人 of a task: the 子账号 that sent it, or the owner (主账号).</summary>
public static class Senders
{
    public const string Owner = "主账号";

    /// <summary>The names of the members among <paramref name="memberIds"/>, removed ones included: their tasks still name them.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> NamesAsync(QunfaDbContext db, IEnumerable<int?> memberIds, CancellationToken ct)
    {
        var ids = memberIds.OfType<int>().Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<int, string>();
        return await db.CustomerMembers.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
    }

    public static string Label(int? memberId, IReadOnlyDictionary<int, string> names) =>
        memberId is { } id && names.TryGetValue(id, out var name) ? name : Owner;
}
