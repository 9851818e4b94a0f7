using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace CxApi.Tests.Integration.Demo;

/// <summary>Keeps the formatted messages the application logs, to check what a long operation reports while it runs.</summary>
public sealed class LogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Of(string prefix) => [.. _lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal))];

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose() { }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}
