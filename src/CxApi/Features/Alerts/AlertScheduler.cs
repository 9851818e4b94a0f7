using CxApi.Common;
using Microsoft.Extensions.Options;

namespace CxApi.Features.Alerts;

/// <summary>Runs an evaluation pass every <see cref="AlertOptions.EvaluationInterval"/> (the first at start).</summary>
public sealed class AlertScheduler(IServiceScopeFactory scopes, IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertScheduler> logger)
    : PeriodicPass<AlertEvaluator>(scopes, options.Value.EvaluationInterval, clock, logger)
{
    protected override Task RunAsync(AlertEvaluator evaluator, CancellationToken ct) => evaluator.EvaluateAsync(ct);
}
