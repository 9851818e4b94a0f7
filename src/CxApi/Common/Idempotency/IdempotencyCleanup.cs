using CxApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Common.Idempotency;

/// <summary>Deletes expired idempotency records every hour.</summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var now = UnixMicros.From(clock.GetUtcNow());
                var deleted = await scope.ServiceProvider.GetRequiredService<CxDbContext>().IdempotencyRecords
                    .Where(r => r.ExpiresAtMicros < now).ExecuteDeleteAsync(stoppingToken);
                if (deleted > 0) logger.LogInformation("Deleted {Count} expired idempotency records", deleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not delete expired idempotency records");
            }
        }
    }
}
