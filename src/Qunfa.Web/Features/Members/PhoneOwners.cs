using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Features.Members;

/// <summary>One phone logs in to one account: a customer's owner or a 子账号 (invited or joined), never both.</summary>
public static class PhoneOwners
{
    public const string TakenMessage = "该手机号已被其他账号或子账号使用";

    public static async Task<bool> IsTakenAsync(QunfaDbContext db, string phone, CancellationToken ct) =>
        await db.Customers.AnyAsync(c => c.Phone == phone, ct)
        || await db.CustomerMembers.AnyAsync(m => m.Phone == phone && m.Status != MemberStatus.Removed, ct);
}
