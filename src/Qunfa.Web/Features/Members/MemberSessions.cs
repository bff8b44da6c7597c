using Microsoft.AspNetCore.Authentication.Cookies;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Customers;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Features.Members;

/// <summary>
/// The customer cookie's check (docs/decisions/0011) for owners and members alike: a member's session holds while
/// its row is active with the cookie's stamp (a new role, 停用 or removal renews the stamp) and its company is not frozen.
/// </summary>
public static class MemberSessions
{
    public static Func<CookieValidatePrincipalContext, Task> Validator(Func<CookieValidatePrincipalContext, Task> owner)
    {
        var member = ServerSessions.Validator(CustomerClaims.Scheme, SessionKind.Member, CustomerClaims.MemberId, CustomerClaims.MemberStamp,
            (db, id, stamp) => db.CustomerMembers.Where(m => m.Id == id && m.SecurityStamp == stamp && m.Status == MemberStatus.Active
                && !db.Customers.Any(c => c.Id == m.CustomerId && c.IsFrozen)));
        return context => context.Principal?.HasClaim(c => c.Type == CustomerClaims.MemberId) == true ? member(context) : owner(context);
    }
}
