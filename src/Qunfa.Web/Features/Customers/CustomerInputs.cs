namespace Qunfa.Web.Features.Customers;

public sealed class RegistrationInput
{
    public string? CompanyName { get; set; }
    public string? Email { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Code { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class PasswordResetInput
{
    public string? Phone { get; set; }
    public string? Code { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class PhoneChangeInput
{
    public string? Phone { get; set; }
    public string? Code { get; set; }
}

public sealed class PasswordChangeInput
{
    public string? CurrentPassword { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

/// <summary>What a customer may change of its own account on 账号设置 (the phone has its own form, with a code).</summary>
public sealed class ProfileInput
{
    public string? CompanyName { get; set; }
    public string? ContactName { get; set; }
    public string? Email { get; set; }
}
