namespace Qunfa.Web.Features.Setup;

/// <summary>Step 1, 获取系统授权. Email and phone become the admin's login names for good.</summary>
public sealed class LicenseInput
{
    /// <summary>The 安装码 from the server's log; asked until this browser has given it.</summary>
    public string? SetupCode { get; set; }
    public string? Name { get; set; }
    public string? CompanyName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PurchaseInfo { get; set; }
}

/// <summary>Step 2, 设置管理员帐号.</summary>
public sealed class AdminAccountInput
{
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}
