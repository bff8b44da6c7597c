using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Features.Customers;

/// <summary>The signed-in customer of this request; every console query is scoped by its <see cref="Id"/>.</summary>
public sealed class CurrentCustomer(IHttpContextAccessor http, QunfaDbContext db)
{
    private Customer? _customer;

    public int Id => int.Parse(
        http.HttpContext?.User.FindFirst(CustomerClaims.CustomerId)?.Value ?? throw new InvalidOperationException("No customer is signed in."),
        CultureInfo.InvariantCulture);

    public async Task<Customer?> GetAsync(CancellationToken ct)
    {
        if (_customer is not null) return _customer;
        if (http.HttpContext?.User.FindFirst(CustomerClaims.CustomerId) is null) return null;
        var id = Id;
        return _customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }
}
