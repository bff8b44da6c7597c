using Microsoft.AspNetCore.WebUtilities;

namespace Qunfa.Web.Features.Customers.Admin;

/// <summary>The order of an admin list by 创建时间: newest first unless the query asks for <c>sort=asc</c>.</summary>
public enum ListSort
{
    NewestFirst,
    OldestFirst,
}

public static class ListSorts
{
    public const string Ascending = "asc";
    public const string Descending = "desc";

    public static ListSort Parse(string? value) =>
        string.Equals(value, Ascending, StringComparison.OrdinalIgnoreCase) ? ListSort.OldestFirst : ListSort.NewestFirst;

    /// <summary>The link of the sortable column header: the same filters and page size, the other order, page 1.</summary>
    public static string ToggleUrl(string path, HttpRequest request, ListSort current)
    {
        var query = request.Query.Where(q => q.Key is not ("p" or "sort") && !string.IsNullOrEmpty(q.Value))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["sort"] = current == ListSort.NewestFirst ? Ascending : Descending;
        return QueryHelpers.AddQueryString(path, query);
    }

    public static string Arrow(ListSort sort) => sort == ListSort.NewestFirst ? "↓" : "↑";

    public static string AriaSort(ListSort sort) => sort == ListSort.NewestFirst ? "descending" : "ascending";

}
