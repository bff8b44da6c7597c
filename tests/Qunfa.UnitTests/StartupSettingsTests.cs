using Microsoft.Extensions.Configuration;
using Qunfa.Web.Infrastructure.Settings;

namespace Qunfa.UnitTests;

public sealed class StartupSettingsTests
{
    private static StartupSettings Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build(), "/srv/qunfa");

    [Fact]
    public void Defaults_AreSqliteUnderDataBesideTheContentRoot_InShanghai()
    {
        var settings = Read();
        Assert.Equal(DatabaseProvider.Sqlite, settings.Database.Provider);
        Assert.Equal("/srv/qunfa/data", settings.DataDirectory);
        Assert.Contains("/srv/qunfa/data/qunfa.db", settings.DatabaseConnectionString);
        Assert.Equal("Asia/Shanghai", settings.TimeZone.Id);
    }

    [Fact]
    public void UnknownProvider_IsNamedInTheMessage()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => Read(("Qunfa:Database:Provider", "Oracle")));
        Assert.Contains("Qunfa:Database", error.Message);
        Assert.Contains("Oracle", error.Message);
    }

    [Fact]
    public void Postgres_WithoutConnectionString_IsRefused()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => Read(("Qunfa:Database:Provider", "Postgres")));
        Assert.Contains("ConnectionStrings:Postgres", error.Message);
    }

    [Fact]
    public void UnknownTimeZone_AndBadProxy_AreBothReported()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => Read(("Qunfa:TimeZone", "Mars/Olympus"), ("Qunfa:KnownProxies:0", "not-an-ip")));
        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("Mars/Olympus", error.Message);
        Assert.Contains("not-an-ip", error.Message);
    }

    [Fact]
    public void UploadsDirectory_DefaultsUnderTheDataDirectory_OrIsResolvedAgainstTheContentRoot()
    {
        Assert.Equal("/srv/qunfa/data/uploads", Read().UploadsDirectory);
        Assert.Equal("/srv/qunfa/shared/uploads", Read(("Qunfa:UploadsDirectory", "shared/uploads")).UploadsDirectory);
        Assert.Equal("/mnt/nfs/uploads", Read(("Qunfa:UploadsDirectory", "/mnt/nfs/uploads")).UploadsDirectory);
    }

    [Fact]
    public void NodeWithNeitherWebNorWorkers_IsRefused()
    {
        var error = Assert.Throws<InvalidSettingsException>(() => Read(("Qunfa:Workers:Enabled", "false"), ("Qunfa:Web:Enabled", "false")));
        Assert.Contains("Qunfa:Web:Enabled", error.Message);
        Assert.False(Read(("Qunfa:Workers:Enabled", "false")).Qunfa.Workers.Enabled);
    }
}
