using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Data;
using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.Web.Infrastructure.Security;

/// <summary>
/// The Data Protection key ring lives in the database so that every node reads the same keys (docs/decisions/0010).
/// At start-up, one node at a time: keys of an older install, kept in {data}/keys, are copied in (so secrets
/// encrypted at rest with them still decrypt), and a first key is made if there is none, so nodes starting together
/// do not each make their own.
/// </summary>
public static class SharedKeyRing
{
    public const string LegacyFolder = "keys";

    /// <summary>Run once per start, while no other node is starting (see DatabaseRegistration).</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct)
    {
        var settings = services.GetRequiredService<StartupSettings>();
        await using (var scope = services.CreateAsyncScope())
            await ImportLegacyAsync(scope.ServiceProvider.GetRequiredService<QunfaDbContext>(), settings.DataDirectory, ct);
        // Protecting anything makes the key manager create the first key when the ring is empty.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Qunfa.KeyRing").Protect([1]);
    }

    /// <summary>Copies the key files of the data directory that the database does not have yet; returns how many.</summary>
    public static async Task<int> ImportLegacyAsync(QunfaDbContext db, string dataDirectory, CancellationToken ct)
    {
        var folder = Path.Combine(dataDirectory, LegacyFolder);
        if (!Directory.Exists(folder)) return 0;
        var known = (await db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "key-*.xml").Order(StringComparer.Ordinal))
        {
            // The file repository names a key's file after the friendly name the database repository stores.
            var name = Path.GetFileNameWithoutExtension(file);
            if (known.Contains(name)) continue;
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting) });
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return added;
    }
}
