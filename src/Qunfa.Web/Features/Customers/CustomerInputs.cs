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
