using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Features.Members;
using Qunfa.Web.Infrastructure.Security;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Customers;

/// <summary>Registration, login, password reset and phone change of customers, each with an SMS code where the spec asks.</summary>
public sealed class CustomerAccountService(
    QunfaDbContext db,
    VerificationCodeService codes,
    IPasswordHasher<Customer> hasher,
    IOptions<CustomerOptions> options,
    ServerSessions sessions,
    MemberAccountService members,
    TimeProvider time)
{
    public const string PhoneTakenMessage = "该手机号已注册";
    public const string EmailTakenMessage = "该邮箱已注册";
    public const string PhoneUnknownMessage = "该手机号未注册";

    public async Task<Outcome> SendRegistrationCodeAsync(string? phone, CancellationToken ct)
    {
        phone = phone?.Trim() ?? "";
        if (await PhoneOwners.IsTakenAsync(db, phone, ct)) return Outcome.Fail("Phone", PhoneTakenMessage);
        return await codes.SendAsync(phone, CodeScene.Register, ct);
    }

    public async Task<Outcome> SendResetCodeAsync(string? phone, CancellationToken ct)
    {
        phone = phone?.Trim() ?? "";
        if (!await db.Customers.AnyAsync(c => c.Phone == phone, ct) && !await members.HasJoinedAsync(phone, ct))
            return ContactRules.IsMobile(phone) ? Outcome.Fail("Phone", PhoneUnknownMessage) : Outcome.Fail("Phone", ContactRules.MobileMessage);
        return await codes.SendAsync(phone, CodeScene.ResetPassword, ct);
    }

    public async Task<Outcome> SendPhoneChangeCodeAsync(string? phone, CancellationToken ct)
    {
        phone = phone?.Trim() ?? "";
        if (await PhoneOwners.IsTakenAsync(db, phone, ct)) return Outcome.Fail("Phone", PhoneTakenMessage);
        return await codes.SendAsync(phone, CodeScene.ChangePhone, ct);
    }

    public async Task<Outcome> RegisterAsync(RegistrationInput input, CancellationToken ct)
    {
        var o = CustomerProfileRules.Check(input.CompanyName, input.Email, input.ContactName, input.Phone);
        CheckNewPassword(o, input.Password, input.ConfirmPassword);
        if (!o.Succeeded) return o;

        var email = input.Email!.Trim().ToLowerInvariant();
        var phone = input.Phone!.Trim();
        if (await db.Customers.AnyAsync(c => c.Email == email, ct)) o.Add(nameof(input.Email), EmailTakenMessage);
        if (await PhoneOwners.IsTakenAsync(db, phone, ct)) o.Add(nameof(input.Phone), PhoneTakenMessage);
        if (!o.Succeeded) return o;

        var code = await codes.ConsumeAsync(phone, CodeScene.Register, input.Code, nameof(input.Code), ct);
        if (!code.Succeeded) return code;

        var now = time.GetUtcNow();
        var customer = new Customer
        {
            CompanyName = input.CompanyName!.Trim(),
            Email = email,
            ContactName = input.ContactName!.Trim(),
            Phone = phone,
            CreatedAt = now,
            SignatureLimit = options.Value.DefaultSignatureLimit,
            TemplateLimit = options.Value.DefaultTemplateLimit,
        };
        customer.PasswordHash = hasher.HashPassword(customer, input.Password!);
        db.Customers.Add(customer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another registration took the email or phone between the check and the insert.
            return Outcome.Fail("", "该邮箱或手机号已注册");
        }
        await SignInAsync(customer, ct);
        return o;
    }

    public async Task<Outcome> SignInAsync(string? account, string? password, CancellationToken ct)
    {
        var o = new Outcome().Require("Account", account, "请输入邮箱或手机号").Require("Password", password, "请输入登录密码");
        if (!o.Succeeded) return o;

        var login = account!.Trim().ToLowerInvariant();
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Email == login || c.Phone == login, ct);
        var now = time.GetUtcNow();
        // A phone no customer owns may be a 子账号's.
        if (customer is null) return await members.SignInAsync(login, password!, ct);
        // Counted before the password is checked, so simultaneous tries cannot pass the limit.
        var row = db.Customers.Where(c => c.Id == customer.Id);
        var claim = await AttemptCounter.ClaimAsync(row, now, ct);
        if (claim == AttemptClaim.Locked) return Outcome.Fail("", LoginLockout.LockedMessage);
        var verdict = hasher.VerifyHashedPassword(customer, customer.PasswordHash, password!);
        if (verdict == PasswordVerificationResult.Failed)
            return Outcome.Fail("", claim == AttemptClaim.AllowedAndLocks ? LoginLockout.LockedMessage : LoginLockout.WrongCredentialsMessage);
        await AttemptCounter.SucceedAsync(row, now, ct);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            customer.PasswordHash = hasher.HashPassword(customer, password!);
            await db.SaveChangesAsync(ct);
        }
        await SignInAsync(customer, ct);
        return o;
    }

    public async Task<Outcome> ResetPasswordAsync(PasswordResetInput input, CancellationToken ct)
    {
        var o = new Outcome();
        var phone = input.Phone?.Trim() ?? "";
        if (!ContactRules.IsMobile(phone)) o.Add(nameof(input.Phone), ContactRules.MobileMessage);
        CheckNewPassword(o, input.Password, input.ConfirmPassword);
        if (!o.Succeeded) return o;

        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Phone == phone, ct);
        if (customer is null) return await members.ResetPasswordAsync(phone, input, ct) ?? Outcome.Fail(nameof(input.Phone), PhoneUnknownMessage);
        var code = await codes.ConsumeAsync(phone, CodeScene.ResetPassword, input.Code, nameof(input.Code), ct);
        if (!code.Succeeded) return code;

        customer.PasswordHash = hasher.HashPassword(customer, input.Password!);
        customer.SecurityStamp = Guid.NewGuid().ToString("N");
        customer.FailedLoginCount = 0;
        customer.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return o;
    }

    public async Task<Outcome> ChangePhoneAsync(int customerId, PhoneChangeInput input, CancellationToken ct)
    {
        var phone = input.Phone?.Trim() ?? "";
        if (!ContactRules.IsMobile(phone)) return Outcome.Fail(nameof(input.Phone), ContactRules.MobileMessage);
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, ct);
        if (customer.Phone == phone) return Outcome.Fail(nameof(input.Phone), "新手机号与当前手机号相同");
        if (await PhoneOwners.IsTakenAsync(db, phone, ct)) return Outcome.Fail(nameof(input.Phone), PhoneTakenMessage);
        var code = await codes.ConsumeAsync(phone, CodeScene.ChangePhone, input.Code, nameof(input.Code), ct);
        if (!code.Succeeded) return code;

        customer.Phone = phone;
        customer.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        await SignInAsync(customer, ct);
        return Outcome.Ok();
    }

    public Task SignOutAsync(CancellationToken ct) => sessions.SignOutAsync(CustomerClaims.Scheme, ct);

    internal static void CheckNewPassword(Outcome o, string? password, string? confirm)
    {
        if (string.IsNullOrEmpty(password)) o.Add("Password", "请输入登录密码");
        else foreach (var problem in PasswordPolicy.Check(password)) o.Add("Password", problem);
        if (string.IsNullOrEmpty(confirm)) o.Add("ConfirmPassword", "请再次输入密码");
        else if (confirm != password) o.Add("ConfirmPassword", PasswordPolicy.ConfirmationMessage);
    }

    /// <summary>Replaces this browser's session with a new one for the customer as stored now (after its stamp or name changed).</summary>
    internal async Task RenewSessionAsync(Customer customer, CancellationToken ct)
    {
        await sessions.SignOutAsync(CustomerClaims.Scheme, ct);
        await SignInAsync(customer, ct);
    }

    private Task SignInAsync(Customer customer, CancellationToken ct) =>
        sessions.SignInAsync(CustomerClaims.Scheme, SessionKind.Customer, customer.Id,
        [
            new Claim(CustomerClaims.CustomerId, customer.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(CustomerClaims.SecurityStamp, customer.SecurityStamp),
            new Claim(ClaimTypes.Name, customer.CompanyName),
        ], ct);
}
