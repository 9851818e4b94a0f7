namespace CxApi.Common;

/// <summary>
/// Runs a pass of <typeparamref name="TPass"/>, resolved from a scope of its own, every <c>interval</c> on the
/// application's clock (the first at start). A pass that fails is logged and the next one comes at the next interval.
/// </summary>
public abstract class PeriodicPass<TPass>(IServiceScopeFactory scopes, TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
    where TPass : notnull
{
    protected abstract Task RunAsync(TPass pass, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await RunAsync(scope.ServiceProvider.GetRequiredService<TPass>(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "{Pass} failed; retrying at the next interval", typeof(TPass).Name);
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
