using CxApi.Common;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CxApi.Infrastructure;

/// <summary>
/// This server process as other instances on the same database see it: a row with a heartbeat. Work that an
/// instance claims (an in-flight <c>Idempotency-Key</c>) names the instance, so that a retry can tell a claim
/// whose owner was killed (no heartbeat for <see cref="InstanceOptions.Timeout"/>) from one still being worked on.
/// A clean shutdown deletes the row, which frees its claims at once.
/// </summary>
public sealed class ThisInstance(IServiceScopeFactory scopes, TimeProvider clock, IOptions<InstanceOptions> options, ILogger<ThisInstance> logger)
    : BackgroundService
{
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    public string Id { get; } = Ids.New();

    /// <summary>Whether <paramref name="instanceId"/> is this process or has beaten recently.</summary>
    public async Task<bool> IsAliveAsync(CxDbContext db, string? instanceId, CancellationToken ct)
    {
        if (instanceId is null) return false;
        if (instanceId == Id) return true;
        var since = UnixMicros.From(clock.GetUtcNow() - options.Value.Timeout);
        return await db.Set<InstanceEntity>().AnyAsync(i => i.Id == instanceId && i.HeartbeatAtMicros > since, ct);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await BeatAsync(cancellationToken); // registered before the first request is served
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await BeatAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not write this instance's heartbeat");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CxDbContext>().Set<InstanceEntity>()
                .Where(i => i.Id == Id).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not deregister this instance; its claims are freed when its heartbeat times out");
        }
    }

    private async Task BeatAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var instances = scope.ServiceProvider.GetRequiredService<CxDbContext>().Set<InstanceEntity>();
        var now = UnixMicros.From(clock.GetUtcNow());
        if (await instances.Where(i => i.Id == Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.HeartbeatAtMicros, now), ct) == 0)
        {
            // First beat (or a row deleted by another instance's clean-up after a long stall): (re)register, and
            // forget instances that have been gone for a day.
            var forgotten = UnixMicros.From(clock.GetUtcNow() - ForgetAfter);
            await instances.Where(i => i.HeartbeatAtMicros < forgotten).ExecuteDeleteAsync(ct);
            var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
            db.Add(new InstanceEntity { Id = Id, StartedAtMicros = now, HeartbeatAtMicros = now });
            await db.SaveChangesAsync(ct);
        }
    }
}
