namespace Qunfa.Aliyun.Common;

internal static class Paging
{
    public const int MaxPageSize = 50;

    public static void Validate(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
    }
}
