using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Features.Customers;

/// <summary>
/// The signed-in customer of this request; every console query is scoped by its <see cref="Id"/>. When a 子账号 is
/// signed in, <see cref="Id"/> is its company's and <see cref="MemberId"/> names the member.
/// </summary>
public sealed class CurrentCustomer(IHttpContextAccessor http, QunfaDbContext db)
{
    private Customer? _customer;
    private CustomerMember? _member;

    public int Id => int.Parse(
        http.HttpContext?.User.FindFirst(CustomerClaims.CustomerId)?.Value ?? throw new InvalidOperationException("No customer is signed in."),
        CultureInfo.InvariantCulture);

    /// <summary>The signed-in 子账号, or null for the owner.</summary>
    public int? MemberId => http.HttpContext?.User.FindFirst(CustomerClaims.MemberId)?.Value is { } id
        ? int.Parse(id, CultureInfo.InvariantCulture)
        : null;

    public async Task<Customer?> GetAsync(CancellationToken ct)
    {
        if (_customer is not null) return _customer;
        if (http.HttpContext?.User.FindFirst(CustomerClaims.CustomerId) is null) return null;
        var id = Id;
        return _customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>The signed-in 子账号 as stored now (its role read on this request), or null for the owner.</summary>
    public async Task<CustomerMember?> MemberAsync(CancellationToken ct)
    {
        if (_member is not null || MemberId is not { } id) return _member;
        return _member = await db.CustomerMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
    }

    /// <summary>Whether this request's account may open <paramref name="permission"/>: the owner always, a member by its current role.</summary>
    public async Task<bool> MayAsync(ConsolePermission permission, CancellationToken ct)
    {
        if (MemberId is null) return true;
        var member = await MemberAsync(ct);
        return member is { Status: MemberStatus.Active } && member.Role.Allows(permission);
    }
}
