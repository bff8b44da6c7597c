namespace Qunfa.Web.Domain.Settings;

/// <summary>What the public portal shows (配置信息): logo on top, company details in the footer.</summary>
public sealed class PortalProfile
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string CompanyName { get; set; } = "";
    public string Address { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public byte[]? Logo { get; set; }
    public string? LogoContentType { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
