using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Domain.Messaging;

/// <summary>
/// 授权委托书: the customer (grantor) authorizes the operator (grantee) to use the listed signatures
/// on its behalf; required by the carrier for third-party signatures.
/// </summary>
public sealed class AuthorizationLetter
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Authorization: the customer's company.</summary>
    public string Grantor { get; set; } = "";
    /// <summary>ProxyAuthorization: the operator's company.</summary>
    public string Grantee { get; set; } = "";
    public string OrganizationCode { get; set; } = "";
    /// <summary>`YYYY-MM-DD~YYYY-MM-DD`.</summary>
    public string Validity { get; set; } = "";
    public string PicKey { get; set; } = "";
    /// <summary>Signature names covered, joined with 、 as the carrier lists them.</summary>
    public string SignNames { get; set; } = "";
    public string? CarrierId { get; set; }
    public ReviewStatus Status { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? NextReviewCheckAt { get; set; }
    public int ReviewChecks { get; set; }
}
