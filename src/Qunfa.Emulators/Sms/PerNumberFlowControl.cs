using System.Collections.Concurrent;
using Qunfa.Emulators.Infrastructure;
using Qunfa.Emulators.Rpc;

namespace Qunfa.Emulators.Sms;

/// <summary>Per (key, number) limits over natural UTC+8 minute, hour and day windows, as Alibaba applies to verification codes.</summary>
internal sealed class PerNumberFlowControl(int perMinute, int perHour, int perDay)
{
    private sealed class Window
    {
        public long Minute = -1, Hour = -1, Day = -1;
        public int MinuteCount, HourCount, DayCount;
    }

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Checks every number first, then counts the submission against all of them.</summary>
    public RpcResult? TryAcquire(string scope, IReadOnlyList<string> numbers, DateTimeOffset now)
    {
        var local = ChinaTime.ToChina(now).DateTime.Ticks;
        var minute = local / TimeSpan.TicksPerMinute;
        var hour = local / TimeSpan.TicksPerHour;
        var day = local / TimeSpan.TicksPerDay;
        var windows = new Window[numbers.Count];
        for (var i = 0; i < numbers.Count; i++)
        {
            var w = windows[i] = _windows.GetOrAdd(scope + "\n" + numbers[i], _ => new Window());
            lock (w)
            {
                if (w.Minute == minute && w.MinuteCount >= perMinute)
                {
                    return RpcResult.Business("isv.BUSINESS_LIMIT_CONTROL", $"触发分钟级流控Permits:{perMinute}");
                }
                if (w.Hour == hour && w.HourCount >= perHour)
                {
                    return RpcResult.Business("isv.BUSINESS_LIMIT_CONTROL", $"触发小时级流控Permits:{perHour}");
                }
                if (w.Day == day && w.DayCount >= perDay)
                {
                    return RpcResult.Business("isv.BUSINESS_LIMIT_CONTROL", $"触发天级流控Permits:{perDay}");
                }
            }
        }
        foreach (var w in windows)
        {
            lock (w)
            {
                w.MinuteCount = w.Minute == minute ? w.MinuteCount + 1 : 1;
                w.Minute = minute;
                w.HourCount = w.Hour == hour ? w.HourCount + 1 : 1;
                w.Hour = hour;
                w.DayCount = w.Day == day ? w.DayCount + 1 : 1;
                w.Day = day;
            }
        }
        return null;
    }
}
