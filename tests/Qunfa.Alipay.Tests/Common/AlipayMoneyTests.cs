using Qunfa.Alipay.Common;

namespace Qunfa.Alipay.Tests.Common;

public sealed class AlipayMoneyTests
{
    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(1L, "0.01")]
    [InlineData(10L, "0.10")]
    [InlineData(100L, "1.00")]
    [InlineData(123456L, "1234.56")]
    [InlineData(10000000000L, "100000000.00")]
    public void FormatsFenAsYuanWithTwoDecimals(long fen, string yuan) => Assert.Equal(yuan, AlipayMoney.FormatYuan(fen));

    [Theory]
    [InlineData("0.01", 1L)]
    [InlineData("1", 100L)]
    [InlineData("1.5", 150L)]
    [InlineData("1234.56", 123456L)]
    [InlineData("100000000.00", 10000000000L)]
    public void ParsesYuan(string yuan, long fen)
    {
        Assert.True(AlipayMoney.TryParseFen(yuan, out var parsed));
        Assert.Equal(fen, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.001")]
    [InlineData("-1.00")]
    [InlineData("+1.00")]
    [InlineData("1e2")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1,00")]
    [InlineData(" 1.00")]
    [InlineData("１.00")]
    public void RejectsAnythingElse(string yuan) => Assert.False(AlipayMoney.TryParseFen(yuan, out _));

    [Fact]
    public void ChinaTimeRoundTrips()
    {
        var utc = new DateTimeOffset(2026, 1, 1, 16, 30, 5, TimeSpan.Zero);
        Assert.Equal("2026-01-02 00:30:05", ChinaTime.ToWire(utc));
        Assert.Equal(utc, ChinaTime.Parse("2026-01-02 00:30:05"));
    }
}
