namespace Qunfa.Aliyun.Manage;

public sealed record ListPage<T>(long TotalCount, IReadOnlyList<T> Items, string? RequestId);
