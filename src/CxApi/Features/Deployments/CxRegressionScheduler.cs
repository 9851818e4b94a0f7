using CxApi.Common;
using Microsoft.Extensions.Options;

namespace CxApi.Features.Deployments;

/// <summary>Runs a <see cref="CxRegressionWatch"/> pass every <see cref="CxRegressionWatchOptions.Interval"/> (the first at start).</summary>
public sealed class CxRegressionScheduler(
    IServiceScopeFactory scopes, IOptions<CxRegressionWatchOptions> options, TimeProvider clock, ILogger<CxRegressionScheduler> logger)
    : PeriodicPass<CxRegressionWatch>(scopes, options.Value.Interval, clock, logger)
{
    protected override Task RunAsync(CxRegressionWatch watch, CancellationToken ct) => watch.RunAsync(ct);
}
