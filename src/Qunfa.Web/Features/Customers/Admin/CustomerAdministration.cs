using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Customers.Admin;

/// <summary>
/// The admin's changes to a customer (编辑, 冻结账号 / 恢复账号). Each stages its change on the unit of work
/// and leaves saving to <c>AdminLogWriter.CommitAsync</c>, so the change and its log entry are saved together.
/// </summary>
public sealed class CustomerAdministration(QunfaDbContext db, TimeProvider time)
{
    public const int MaxLimit = 1000;
    public const string NotFoundMessage = "用户不存在";
    public const string EmailTakenMessage = "该邮箱已被其他用户使用";
    public const string PhoneTakenMessage = "该手机号已被其他用户使用";

    public async Task<Outcome> StageEditAsync(int id, CustomerEditInput input, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return Outcome.Fail("", NotFoundMessage);

        var o = CustomerProfileRules.Check(input.CompanyName, input.Email, input.ContactName, input.Phone);
        CheckLimit(o, nameof(input.SignatureLimit), input.SignatureLimit, "请填写签名数量上限", "签名数量上限应为0到1000之间的整数");
        CheckLimit(o, nameof(input.TemplateLimit), input.TemplateLimit, "请填写模板数量上限", "模板数量上限应为0到1000之间的整数");
        if (!o.Succeeded) return o;

        var email = input.Email!.Trim().ToLowerInvariant();
        var phone = input.Phone!.Trim();
        if (await db.Customers.AnyAsync(c => c.Id != id && c.Email == email, ct)) o.Add(nameof(input.Email), EmailTakenMessage);
        if (await db.Customers.AnyAsync(c => c.Id != id && c.Phone == phone, ct)
            || await db.CustomerMembers.AnyAsync(m => m.Phone == phone && m.Status != MemberStatus.Removed, ct))
            o.Add(nameof(input.Phone), PhoneTakenMessage);
        if (!o.Succeeded) return o;

        // The phone is a login name and the channel of every code: like the customer's own change, a new
        // one ends the sessions issued before it.
        if (customer.Phone != phone)
            customer.SecurityStamp = Guid.NewGuid().ToString("N");
        customer.CompanyName = input.CompanyName!.Trim();
        customer.Email = email;
        customer.ContactName = input.ContactName!.Trim();
        customer.Phone = phone;
        customer.SignatureLimit = input.SignatureLimit!.Value;
        customer.TemplateLimit = input.TemplateLimit!.Value;
        return o;
    }

    /// <summary>冻结账号 (<paramref name="frozen"/> true) or 恢复账号; asking for the state the account is already in changes nothing.</summary>
    public async Task<(Customer? Customer, Outcome Outcome)> StageFreezeAsync(int id, bool frozen, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return (null, Outcome.Fail("", NotFoundMessage));
        if (customer.IsFrozen != frozen)
        {
            customer.IsFrozen = frozen;
            customer.FrozenAt = frozen ? time.GetUtcNow() : null;
            // A freeze ends the sessions open now; the customer may log in again and sees why it cannot send.
            if (frozen) customer.SecurityStamp = Guid.NewGuid().ToString("N");
        }
        return (customer, Outcome.Ok());
    }

    private static void CheckLimit(Outcome o, string field, int? value, string missing, string range)
    {
        if (value is null) o.Add(field, missing);
        else if (value is < 0 or > MaxLimit) o.Add(field, range);
    }
}
