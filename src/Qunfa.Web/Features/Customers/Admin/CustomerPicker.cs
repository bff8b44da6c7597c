namespace Qunfa.Web.Features.Customers.Admin;

/// <summary>What the customer picker of 分配签名 / 分配模板 shows: the ticked customers first, then the other matches of the search.</summary>
public sealed record CustomerPicker(bool ToAll, string? Search, IReadOnlyList<CustomerChoice> Chosen, IReadOnlyList<CustomerChoice> Matches, bool MoreMatches, int Total)
{
    public static async Task<CustomerPicker> LoadAsync(CustomerDirectory customers, AssignTargetInput input, CancellationToken ct)
    {
        var chosen = await customers.ChosenAsync(input.CustomerIds, ct);
        var chosenIds = chosen.Select(c => c.Id).ToHashSet();
        var matches = await customers.ChoicesAsync(input.CustomerSearch, ct);
        return new CustomerPicker(
            input.ToAll,
            input.CustomerSearch?.Trim(),
            chosen,
            matches.Where(c => !chosenIds.Contains(c.Id)).ToList(),
            matches.Count >= CustomerDirectory.ChoiceLimit,
            await customers.CountAsync(ct));
    }
}
