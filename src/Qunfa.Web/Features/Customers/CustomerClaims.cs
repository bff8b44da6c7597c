namespace Qunfa.Web.Features.Customers;

public static class CustomerClaims
{
    public const string Scheme = "Customer";
    public const string Policy = "Customer";
    public const string CustomerId = "qunfa:customer_id";
    public const string SecurityStamp = "qunfa:customer_stamp";
}
