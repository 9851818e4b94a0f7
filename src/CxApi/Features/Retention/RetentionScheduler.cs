using CxApi.Common;
using Microsoft.Extensions.Options;

namespace CxApi.Features.Retention;

/// <summary>Runs a <see cref="RetentionPurge"/> pass every <see cref="RetentionOptions.Interval"/> (the first at start).</summary>
public sealed class RetentionScheduler(
    IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionScheduler> logger)
    : PeriodicPass<RetentionPurge>(scopes, options.Value.Interval, clock, logger)
{
    protected override Task RunAsync(RetentionPurge purge, CancellationToken ct) => purge.RunAsync(ct);
}
