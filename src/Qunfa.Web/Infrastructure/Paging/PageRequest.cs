namespace Qunfa.Web.Infrastructure.Paging;

/// <summary>A page of a server-side list; out-of-range values are pulled back into range rather than refused.</summary>
public readonly record struct PageRequest
{
    public static readonly int[] AllowedSizes = [10, 20, 50, 100];

    public PageRequest(int? number, int? size)
    {
        Size = size is { } s && AllowedSizes.Contains(s) ? s : AllowedSizes[0];
        Number = number is > 0 ? number.Value : 1;
    }

    public int Number { get; }
    public int Size { get; }
    public int Skip => (Number - 1) * Size;
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, PageRequest Page)
{
    public int PageCount => Math.Max(1, (Total + Page.Size - 1) / Page.Size);
    public int FirstIndex => Page.Skip + 1;
}
