using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Customers;

namespace Qunfa.Web.Features.Contacts;

/// <summary>
/// Who may delete groups and contacts (#18): the account's owner and its 管理员 members. Every member who may send
/// (发送) may use and import groups; the 通讯录 pages are mapped to sending in ConsolePermissionMap.
/// </summary>
public static class ContactPermissions
{
    public static Task<bool> MayDeleteAsync(CurrentCustomer current, CancellationToken ct) => current.MayAsync(ConsolePermission.Manage, ct);
}
