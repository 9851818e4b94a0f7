using CxApi.Infrastructure;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;

namespace CxApi.Common.Auth;

/// <summary>
/// Remembers when each key was last used and writes it in the background (at most every few seconds),
/// so that authenticating a request never costs a database write.
/// </summary>
public sealed class LastUsedTracker(IServiceScopeFactory scopes, ILogger<LastUsedTracker> logger) : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, long> _pending = new();

    public void Touch(string keyId, long nowMicros) => _pending.AddOrUpdate(keyId, nowMicros, (_, old) => Math.Max(old, nowMicros));

    /// <summary>Writes every pending use now (listing keys does this first, so it shows fresh values).</summary>
    public async Task FlushAsync(CxDbContext db, CancellationToken ct)
    {
        foreach (var keyId in _pending.Keys)
        {
            if (!_pending.TryRemove(keyId, out var at)) continue;
            await db.ApiKeys.Where(k => k.Id == keyId && (k.LastUsedAtMicros == null || k.LastUsedAtMicros < at))
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAtMicros, at), ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (_pending.IsEmpty) continue;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await FlushAsync(scope.ServiceProvider.GetRequiredService<CxDbContext>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not record API key use; will retry");
            }
        }
    }
}
