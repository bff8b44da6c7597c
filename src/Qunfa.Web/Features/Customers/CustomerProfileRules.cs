using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Customers;

/// <summary>The rules for a customer's 企业名称, 邮箱, 联系人 and 手机号, at registration and when the admin edits them.</summary>
public static class CustomerProfileRules
{
    public static Outcome Check(string? companyName, string? email, string? contactName, string? phone)
    {
        var o = new Outcome()
            .Require("CompanyName", companyName, "请填写企业名称")
            .Require("Email", email, "请填写邮箱")
            .Require("ContactName", contactName, "请填写联系人")
            .Require("Phone", phone, "请填写手机号");
        if (companyName is { Length: > 100 }) o.Add("CompanyName", "企业名称不能超过100个字符");
        if (contactName is { Length: > 50 }) o.Add("ContactName", "联系人不能超过50个字符");
        if (!string.IsNullOrWhiteSpace(email) && !ContactRules.IsEmail(email.Trim())) o.Add("Email", ContactRules.EmailMessage);
        if (!string.IsNullOrWhiteSpace(phone) && !ContactRules.IsMobile(phone.Trim())) o.Add("Phone", ContactRules.MobileMessage);
        return o;
    }
}
