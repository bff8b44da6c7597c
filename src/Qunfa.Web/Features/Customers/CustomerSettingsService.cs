using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Customers;

/// <summary>账号设置: the signed-in customer changes its password (knowing the current one) and its company, contact and email.</summary>
public sealed class CustomerSettingsService(QunfaDbContext db, IPasswordHasher<Customer> hasher, CustomerAccountService accounts)
{
    public const string WrongCurrentPasswordMessage = "当前密码不正确";
    public const string SamePasswordMessage = "新密码不能与当前密码相同";

    public async Task<Outcome> ChangePasswordAsync(int customerId, PasswordChangeInput input, CancellationToken ct)
    {
        var o = new Outcome().Require(nameof(input.CurrentPassword), input.CurrentPassword, "请输入当前密码");
        CustomerAccountService.CheckNewPassword(o, input.Password, input.ConfirmPassword);
        if (!o.Succeeded) return o;

        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, ct);
        if (hasher.VerifyHashedPassword(customer, customer.PasswordHash, input.CurrentPassword!) == PasswordVerificationResult.Failed)
            return Outcome.Fail(nameof(input.CurrentPassword), WrongCurrentPasswordMessage);
        if (input.Password == input.CurrentPassword) return Outcome.Fail(nameof(input.Password), SamePasswordMessage);

        customer.PasswordHash = hasher.HashPassword(customer, input.Password!);
        await EndOtherSessionsAsync(customer, ct);
        return o;
    }

    public async Task<Outcome> UpdateProfileAsync(int customerId, ProfileInput input, CancellationToken ct)
    {
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, ct);
        // The phone is checked as it stands: it changes only on its own form, with a code.
        var o = CustomerProfileRules.Check(input.CompanyName, input.Email, input.ContactName, customer.Phone);
        if (!o.Succeeded) return o;
        var email = input.Email!.Trim().ToLowerInvariant();
        if (await db.Customers.AnyAsync(c => c.Email == email && c.Id != customerId, ct))
            return Outcome.Fail(nameof(input.Email), CustomerAccountService.EmailTakenMessage);

        customer.CompanyName = input.CompanyName!.Trim();
        customer.ContactName = input.ContactName!.Trim();
        customer.Email = email;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.Fail(nameof(input.Email), CustomerAccountService.EmailTakenMessage);
        }
        // The session carries the company name the console shows.
        await accounts.RenewSessionAsync(customer, ct);
        return o;
    }

    /// <summary>
    /// The hook for session revocation: a new security stamp ends every session issued before (each request checks it,
    /// on every node), and this browser gets a new cookie with the new stamp so that only the other sessions end.
    /// </summary>
    private async Task EndOtherSessionsAsync(Customer customer, CancellationToken ct)
    {
        customer.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        await accounts.RenewSessionAsync(customer, ct);
    }
}
