using Qunfa.Web.Domain.Packages;

namespace Qunfa.UnitTests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("380", 38000)]
    [InlineData("0.01", 1)]
    [InlineData("0.1", 10)]
    [InlineData("12.5", 1250)]
    [InlineData("12.50", 1250)]
    [InlineData(" 7.05 ", 705)]
    [InlineData("007", 700)]
    [InlineData("0", 0)]
    [InlineData("-1.5", -150)]
    [InlineData("+2", 200)]
    [InlineData("99999999999.99", 9_999_999_999_999)]
    // 0.1 + 0.2 style values that floating point would not keep exactly.
    [InlineData("0.29", 29)]
    [InlineData("1.15", 115)]
    [InlineData("19999999.99", 1_999_999_999)]
    public void TryParseYuan_ReadsWholeFen(string text, long fen)
    {
        Assert.True(Money.TryParseYuan(text, out var value));
        Assert.Equal(fen, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("1.234")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1,000")]
    [InlineData("1e3")]
    [InlineData("１２")]
    [InlineData("--1")]
    [InlineData("1 000")]
    [InlineData("¥10")]
    [InlineData("100000000000")]
    [InlineData("NaN")]
    public void TryParseYuan_RefusesAnythingElse(string? text)
    {
        Assert.False(Money.TryParseYuan(text, out var value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData(38000, "380.00")]
    [InlineData(1, "0.01")]
    [InlineData(10, "0.10")]
    [InlineData(0, "0.00")]
    [InlineData(123456789, "1234567.89")]
    [InlineData(-150, "-1.50")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    public void FormatYuan_TwoDecimals(long fen, string text) => Assert.Equal(text, Money.FormatYuan(fen));

    [Theory]
    [InlineData(1)]
    [InlineData(38000)]
    [InlineData(99_999_999_99)]
    [InlineData(-1250)]
    public void FormatThenParse_RoundTrips(long fen)
    {
        Assert.True(Money.TryParseYuan(Money.FormatYuan(fen), out var back));
        Assert.Equal(fen, back);
    }

    [Theory]
    [InlineData(38000, 10000, "0.0380")]
    [InlineData(38000, 1000, "0.3800")]
    [InlineData(100, 3, "0.33333333")]
    [InlineData(1, 100_000_000, "0.0000")]
    [InlineData(200, 3, "0.66666667")]
    [InlineData(1000, 1, "10.0000")]
    public void UnitPrice_AtLeastFourDecimals(long priceFen, int size, string text) =>
        Assert.Equal(text, Money.UnitPrice(priceFen, size));

    [Fact]
    public void UnitPrice_WithoutSegments_IsADash() => Assert.Equal("-", Money.UnitPrice(100, 0));
}
