using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Qunfa.Alipay.Common;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Features.Payments;

namespace Qunfa.Web.Areas.Console.Pages.Orders;

/// <summary>
/// Where Alipay sends the buyer back (return_url). The parameters are verified, then the order's state is shown as the
/// database has it; this page never marks an order paid or grants anything (only a notification or a query does).
/// It is open without the session because the strict session cookie does not travel on a redirect from Alipay.
/// </summary>
[AllowAnonymous]
public sealed class ReturnModel(PaymentGateway gateway, QunfaDbContext db, CurrentCustomer current, ILogger<ReturnModel> logger) : PageModel
{
    public bool Verified { get; private set; }
    public Order? Order { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = AlipayParameters.ParseQuery(Request.QueryString.Value ?? "");
        var verification = query.Count == 0
            ? NotificationVerification.Invalid(VerificationFailure.MissingSign, "No parameters.")
            : await gateway.VerifyReturnAsync(query, ct);
        if (!verification.IsValid)
        {
            logger.LogWarning("Alipay return refused: {Failure} {Reason}", verification.Failure, verification.Reason);
            return Page();
        }
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.OrderNumber == verification.Notification.OrderNumber, ct);
        if (order is null) return NotFound();
        // A signed-in customer sees only its own orders.
        if (User.FindFirst(CustomerClaims.CustomerId) is not null && order.CustomerId != current.Id) return NotFound();
        Verified = true;
        Order = order;
        return Page();
    }
}
