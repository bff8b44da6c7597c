using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Infrastructure.Security;

namespace Qunfa.Web.Features.Push;

/// <summary>
/// The secret path token of the HTTP push URLs (Alibaba does not sign its pushes). Made the first time the
/// admin looks at the URLs, stored protected; the admin sees it whole because it has to be pasted at Alibaba.
/// </summary>
public sealed class PushTokenService(QunfaDbContext db, SecretProtector secrets, TimeProvider time)
{
    public async Task<string> GetOrCreateAsync(CancellationToken ct)
    {
        var settings = await db.PushEndpointSettings.FirstOrDefaultAsync(ct);
        if (settings is { ProtectedToken.Length: > 0 }) return secrets.Unprotect(settings.ProtectedToken);
        return await RegenerateAsync(ct);
    }

    /// <summary>A new token; the old URLs stop working at once.</summary>
    public async Task<string> RegenerateAsync(CancellationToken ct)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var settings = await db.PushEndpointSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new PushEndpointSettings();
            db.PushEndpointSettings.Add(settings);
        }
        settings.ProtectedToken = secrets.Protect(token);
        settings.CreatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first views at once: the other one's token stands.
            db.ChangeTracker.Clear();
            return secrets.Unprotect((await db.PushEndpointSettings.AsNoTracking().SingleAsync(ct)).ProtectedToken);
        }
        return token;
    }

    public async Task<bool> IsValidAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return false;
        var stored = await db.PushEndpointSettings.AsNoTracking().Select(s => s.ProtectedToken).FirstOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(stored)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secrets.Unprotect(stored)), Encoding.UTF8.GetBytes(token));
    }

    public static string ReportPath(string token) => $"/api/aliyun/push/{token}/sms-report";

    public static string ReplyPath(string token) => $"/api/aliyun/push/{token}/sms-up";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
