using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Qunfa.Web.Data;
using Qunfa.Web.Infrastructure.Monitoring;

namespace Qunfa.IntegrationTests;

/// <summary>Group commits of this host run again with savepoints after a unit failed.</summary>
internal sealed class GroupCommitReruns : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _value;

    public GroupCommitReruns(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == QunfaMeter.Name && instrument.Meter.Scope == meters && instrument.Name == GroupCommit.BatchesInstrument)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "pass", Value: "savepoints" }) Interlocked.Add(ref _value, value);
        });
        _listener.Start();
    }

    public long Value => Interlocked.Read(ref _value);

    public void Dispose() => _listener.Dispose();
}
