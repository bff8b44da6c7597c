using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Qunfa.Emulators.Sms;

/// <summary>The JSON array of a push, written straight to the request stream so only one chunk of it is ever in memory.</summary>
internal sealed class ReportArrayContent : HttpContent
{
    private const int FlushThreshold = 16 * 1024;

    private readonly IReadOnlyList<ReportRange> _ranges;

    public ReportArrayContent(IReadOnlyList<ReportRange> ranges)
    {
        _ranges = ranges;
        Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var w = new Utf8JsonWriter(stream, SmsBatch.WriterOptions);
        w.WriteStartArray();
        foreach (var range in _ranges)
        {
            for (var i = range.Start; i < range.Start + range.Count; i++)
            {
                range.Batch.WriteReport(w, i);
                if (w.BytesPending > FlushThreshold)
                {
                    await w.FlushAsync(cancellationToken);
                }
            }
        }
        w.WriteEndArray();
        await w.FlushAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
