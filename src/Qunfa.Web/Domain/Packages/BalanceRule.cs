namespace Qunfa.Web.Domain.Packages;

/// <summary>
/// The one spending rule (SPEC §2): a send is paid in its own category first, then from 通用类,
/// earliest expiry first within each; only Active, unexpired grants count; too little balance
/// refuses the send whole.
/// </summary>
public static class BalanceRule
{
    public sealed record Take(int GrantId, int Segments);

    /// <summary>The grants to take from, in order, or null when the balance is too low.</summary>
    public static IReadOnlyList<Take>? Plan(IEnumerable<PackageGrant> grants, SmsCategory category, int segments, DateOnly today)
    {
        if (segments <= 0) return [];
        var usable = grants.Where(g => g.IsSpendable(today)).ToList();
        var ordered = Ordered(usable, category).ToList();
        var takes = new List<Take>();
        var left = segments;
        foreach (var grant in ordered)
        {
            if (left == 0) break;
            var take = Math.Min(left, grant.Remaining);
            takes.Add(new Take(grant.Id, take));
            left -= take;
        }
        return left == 0 ? takes : null;
    }

    /// <summary>
    /// Which grant pays for each recipient of a send, whole: a recipient's segments never straddle two
    /// grants, so a refund of its failure goes back to exactly one. Null when the balance is too low.
    /// </summary>
    public static int[]? Allocate(IEnumerable<PackageGrant> grants, SmsCategory category, IReadOnlyList<int> segmentsPerRecipient, DateOnly today)
    {
        var ordered = Ordered(grants.Where(g => g.IsSpendable(today)).ToList(), category).ToList();
        var left = ordered.Select(g => g.Remaining).ToArray();
        var paidBy = new int[segmentsPerRecipient.Count];
        var first = 0;
        for (var i = 0; i < segmentsPerRecipient.Count; i++)
        {
            var need = segmentsPerRecipient[i];
            // Grants before `first` are exhausted for every size; later ones may still fit a smaller need.
            while (first < left.Length && left[first] == 0) first++;
            var chosen = -1;
            for (var g = first; g < left.Length; g++)
            {
                if (left[g] < need) continue;
                chosen = g;
                break;
            }
            if (chosen < 0) return null;
            left[chosen] -= need;
            paidBy[i] = ordered[chosen].Id;
        }
        return paidBy;
    }

    /// <summary>Σ remaining over Active, unexpired grants of one category (the balance shown for it).</summary>
    public static long Balance(IEnumerable<PackageGrant> grants, SmsCategory category, DateOnly today) =>
        grants.Where(g => g.Category == category && g.IsSpendable(today)).Sum(g => (long)g.Remaining);

    /// <summary>What a send of this category can spend in total: its own category plus 通用类.</summary>
    public static long Available(IEnumerable<PackageGrant> grants, SmsCategory category, DateOnly today) =>
        Ordered(grants.Where(g => g.IsSpendable(today)).ToList(), category).Sum(g => (long)g.Remaining);

    private static IEnumerable<PackageGrant> Ordered(IReadOnlyCollection<PackageGrant> usable, SmsCategory category)
    {
        var own = usable.Where(g => g.Category == category).OrderBy(g => g.ExpiresOn).ThenBy(g => g.Id);
        var general = category == SmsCategory.General
            ? Enumerable.Empty<PackageGrant>()
            : usable.Where(g => g.Category == SmsCategory.General).OrderBy(g => g.ExpiresOn).ThenBy(g => g.Id);
        return own.Concat(general);
    }
}
