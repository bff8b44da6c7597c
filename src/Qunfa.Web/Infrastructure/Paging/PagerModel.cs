using Microsoft.AspNetCore.WebUtilities;

namespace Qunfa.Web.Infrastructure.Paging;

/// <summary>What the shared pager shows: 共N条, page size choice and page links that keep the other filters.</summary>
public sealed record PagerModel(int Total, int Number, int Size, int PageCount, Func<int, int, string> Url)
{
    public static PagerModel For<T>(PagedList<T> list, HttpRequest request, string path)
    {
        var query = request.Query.Where(q => q.Key is not ("p" or "size"))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        string Url(int page, int size) => QueryHelpers.AddQueryString(path,
            new Dictionary<string, string?>(query) { ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture), ["size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new PagerModel(list.Total, list.Page.Number, list.Page.Size, list.PageCount, Url);
    }
}
