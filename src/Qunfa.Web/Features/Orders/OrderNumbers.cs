using System.Globalization;
using System.Security.Cryptography;

namespace Qunfa.Web.Features.Orders;

/// <summary>订单编号: 16 characters, the operator's date (yyMMdd) and 10 cryptographically random characters, so numbers are not guessable in sequence.</summary>
public static class OrderNumbers
{
    public const int Length = 16;
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string New(DateTimeOffset localNow) =>
        localNow.ToString("yyMMdd", CultureInfo.InvariantCulture) + RandomNumberGenerator.GetString(Alphabet, Length - 6);
}
