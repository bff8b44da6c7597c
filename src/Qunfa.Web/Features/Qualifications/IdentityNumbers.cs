using System.Globalization;

namespace Qunfa.Web.Features.Qualifications;

/// <summary>The check characters of the unified social credit code (GB 32100-2015) and the resident ID number (GB 11643-1999).</summary>
public static class IdentityNumbers
{
    private const string CreditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdChecks = "10X98765432";

    /// <summary>Expects 18 characters of <see cref="CreditChars"/>.</summary>
    public static bool CreditCodeChecks(string code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += CreditChars.IndexOf(code[i], StringComparison.Ordinal) * CreditWeights[i];
        var check = (31 - sum % 31) % 31;
        return code[17] == CreditChars[check];
    }

    public static bool IsResidentId(string number)
    {
        if (number.Length != 18 || !number[..17].All(char.IsAsciiDigit)) return false;
        if (!DateOnly.TryParseExact(number[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (number[i] - '0') * IdWeights[i];
        return number[17] == IdChecks[sum % 11];
    }
}
