using Npgsql;
using Qunfa.Web.Data;

namespace Qunfa.UnitTests.Data;

public class AutoPrepareSettingTests
{
    [Fact]
    public void ConnectionStringWithoutTheSetting_GetsStatementsPrepared()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithAutoPrepare("Host=db;Username=qunfa"));

        Assert.Equal(100, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare=20", 20)]
    [InlineData("Host=db;MAX AUTO PREPARE=7", 7)]
    public void OperatorsOwnSetting_Wins(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithAutoPrepare(connectionString)).MaxAutoPrepare);
}
