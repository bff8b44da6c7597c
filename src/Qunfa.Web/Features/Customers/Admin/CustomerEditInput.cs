using Qunfa.Web.Domain.Customers;

namespace Qunfa.Web.Features.Customers.Admin;

/// <summary>用户信息 as the admin edits it (编辑); 创建时间 is shown, never posted.</summary>
public sealed class CustomerEditInput
{
    public string? CompanyName { get; set; }
    public string? Email { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public int? SignatureLimit { get; set; }
    public int? TemplateLimit { get; set; }

    public static CustomerEditInput From(Customer c) => new()
    {
        CompanyName = c.CompanyName,
        Email = c.Email,
        ContactName = c.ContactName,
        Phone = c.Phone,
        SignatureLimit = c.SignatureLimit,
        TemplateLimit = c.TemplateLimit,
    };
}
