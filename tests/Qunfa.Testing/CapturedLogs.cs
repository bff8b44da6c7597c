using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Qunfa.Testing;

/// <summary>
/// What the host logged (at the tests' level, Warning and above), as an operator reading the log would see it:
/// category, level, message and exception type. The last few thousand entries only.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private const int Capacity = 5000;
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity) _entries.TryDequeue(out _);
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.GetType().Name)}");
    }
}
