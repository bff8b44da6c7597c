using System.Globalization;

namespace Qunfa.Web.Features.Qualifications;

/// <summary>Names the carrier requires unique per account, ≤ 100 characters, letters and digits only (no symbols, not only digits).</summary>
internal static class CarrierNames
{
    public static string For(string company, string kind, int customerId, DateTimeOffset now)
    {
        var letters = new string(company.Where(char.IsLetterOrDigit).Take(60).ToArray());
        return letters + kind + customerId.ToString(CultureInfo.InvariantCulture) + now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
    }
}
