namespace Qunfa.Web.Features.Customers;

public static class CustomerClaims
{
    public const string Scheme = "Customer";
    public const string Policy = "Customer";
    public const string CustomerId = "qunfa:customer_id";
    public const string SecurityStamp = "qunfa:customer_stamp";
    /// <summary>Present when a 子账号 is signed in; the customer id is then its company's.</summary>
    public const string MemberId = "qunfa:member_id";
    public const string MemberStamp = "qunfa:member_stamp";
}
