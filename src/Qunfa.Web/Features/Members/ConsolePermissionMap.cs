using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Features.Members;

/// <summary>
/// The permission of every console page, by its folder (or its file at the top): the one place that says which
/// role opens what. A page in no entry is refused to every member but a 管理员, and the route test fails for it.
/// </summary>
public static class ConsolePermissionMap
{
    private static readonly Dictionary<string, ConsolePermission> ByFirstSegment = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Index"] = ConsolePermission.Everyone,
        ["Account"] = ConsolePermission.Everyone,
        ["Logout"] = ConsolePermission.Everyone,
        ["Send"] = ConsolePermission.Send,
        ["Tasks"] = ConsolePermission.Send,
        ["Records"] = ConsolePermission.Send,
        ["Contacts"] = ConsolePermission.Send,
        ["Replies"] = ConsolePermission.Send,
        ["ApiKeys"] = ConsolePermission.Develop,
        ["Webhook"] = ConsolePermission.Develop,
        ["Orders"] = ConsolePermission.Finance,
        ["Packages"] = ConsolePermission.Finance,
        ["Qualification"] = ConsolePermission.Manage,
        ["Signatures"] = ConsolePermission.Manage,
        ["Templates"] = ConsolePermission.Manage,
        ["Members"] = ConsolePermission.Manage,
    };

    /// <summary>The permission of the console page at <paramref name="viewEnginePath"/> ("/ApiKeys/Index"), or null when unmapped.</summary>
    public static ConsolePermission? For(string viewEnginePath)
    {
        var first = viewEnginePath.TrimStart('/').Split('/')[0];
        return ByFirstSegment.TryGetValue(first, out var permission) ? permission : null;
    }
}
