using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Qunfa.Web.Infrastructure.Export;

namespace Qunfa.UnitTests;

/// <summary>Background exports: a finished file waits for its owner for the expiry, then is deleted with its job.</summary>
public sealed class ExportJobExpiryTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly ExportJobs _jobs;

    public ExportJobExpiryTests()
    {
        _jobs = new ExportJobs(_services.GetRequiredService<IServiceScopeFactory>(),
            new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance), _time,
            Options.Create(new ExportOptions { Expiry = TimeSpan.FromHours(1) }), NullLogger<ExportJobs>.Instance);
    }

    [Fact]
    public async Task AFinishedFile_IsKeptUntilTheExpiry_ThenSweptWithItsJob()
    {
        var job = _jobs.Start("customer:1", "发送记录.csv", TableFormat.Csv, "发送记录", 2, _ => Rows());
        await WaitUntilFinishedAsync(job);
        Assert.Equal(ExportJobState.Done, job.State);
        Assert.True(File.Exists(job.Path));

        _time.Advance(TimeSpan.FromMinutes(59));
        _jobs.Sweep();
        Assert.Same(job, _jobs.Find(job.Id, "customer:1"));
        Assert.True(File.Exists(job.Path));

        _time.Advance(TimeSpan.FromMinutes(2));
        _jobs.Sweep();
        Assert.Null(_jobs.Find(job.Id, "customer:1"));
        Assert.False(File.Exists(job.Path));
        Assert.Null(_jobs.Take(job.Id, "customer:1"));
    }

    [Fact]
    public async Task ADownloadedFile_IsOnlyItsOwners_AndGoneOnceRead()
    {
        var job = _jobs.Start("customer:1", "发送记录.csv", TableFormat.Csv, "发送记录", 2, _ => Rows());
        await WaitUntilFinishedAsync(job);
        Assert.Null(_jobs.Take(job.Id, "customer:2"));
        await using (var file = _jobs.Take(job.Id, "customer:1"))
        {
            Assert.NotNull(file);
            using var reader = new StreamReader(file);
            Assert.Contains("13800000000", await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
        }
        Assert.False(File.Exists(job.Path));
        Assert.Null(_jobs.Take(job.Id, "customer:1"));
    }

    private static IEnumerable<IDictionary<string, object?>> Rows()
    {
        yield return new Dictionary<string, object?> { ["手机号"] = "13800000000", ["发送状态"] = "发送成功" };
        yield return new Dictionary<string, object?> { ["手机号"] = "13900000000", ["发送状态"] = "发送失败" };
    }

    private static async Task WaitUntilFinishedAsync(ExportJob job)
    {
        for (var i = 0; i < 500 && job.State == ExportJobState.Running; i++) await Task.Delay(20, TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        _jobs.Clear();
        _services.Dispose();
    }
}
