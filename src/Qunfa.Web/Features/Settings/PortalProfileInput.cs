using Qunfa.Web.Domain.Settings;

namespace Qunfa.Web.Features.Settings;

/// <summary>What wizard step 4 and 配置信息 submit. Without a new logo file the stored logo stays.</summary>
public sealed class PortalProfileInput
{
    public string? CompanyName { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public IFormFile? Logo { get; set; }

    public static PortalProfileInput From(PortalProfile p) =>
        new() { CompanyName = p.CompanyName, Address = p.Address, Email = p.Email, Phone = p.Phone };
}
