using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Qunfa.Web.Domain.Setup;

namespace Qunfa.Web.Features.Setup;

/// <summary>
/// Remembers in the browser that it gave the right 安装码: steps 2–4 are served only to such a browser. The cookie
/// holds the code's hash under Data Protection, so it works on every node and dies when the code is replaced.
/// </summary>
public sealed class SetupAccess(IHttpContextAccessor http, IDataProtectionProvider protection)
{
    private const string Cookie = "qunfa.setup";
    private IDataProtector Protector => protection.CreateProtector("Qunfa.SetupAccess");
    private bool _grantedNow;

    public bool IsGranted(Installation installation)
    {
        if (_grantedNow) return true;
        if (installation.SetupCodeHash is null || http.HttpContext?.Request.Cookies[Cookie] is not { } value) return false;
        try
        {
            return Protector.Unprotect(value) == installation.SetupCodeHash;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    public void Grant(Installation installation)
    {
        _grantedNow = true;
        var context = http.HttpContext!;
        context.Response.Cookies.Append(Cookie, Protector.Protect(installation.SetupCodeHash!), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/setup",
        });
    }
}
