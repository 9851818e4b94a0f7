using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Diagnostics;

namespace CxApi.Tests.Support;

/// <summary>Counts the transactions one <see cref="DbContext"/> commits while the counter is alive.</summary>
public sealed class CommitCounter : IDisposable
{
    private readonly IDisposable _subscription;
    private int _commits;

    public CommitCounter(DbContext context) =>
        _subscription = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name != DbLoggerCategory.Name) return;
            listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
            {
                if (e.Key == RelationalEventId.TransactionCommitted.Name && e.Value is TransactionEndEventData data && data.Context == context)
                    Interlocked.Increment(ref _commits);
            }));
        }));

    public int Commits => Volatile.Read(ref _commits);

    public void Dispose() => _subscription.Dispose();

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnNext(T value) => onNext(value);
        public void OnError(Exception error) { }
        public void OnCompleted() { }
    }
}
