using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations;
using CxApi.Features.Operations.Calculators;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;

namespace CxApi.Features.Alerts;

/// <summary>
/// Availability as a rule watches it: the figures <c>/v1/metrics/availability</c> computes (partialWeight at its
/// default) for each window, from the incidents and activity that endpoint reads. Its observations are the seconds
/// the availability is taken over (the window less its maintenance); there is no change test.
/// </summary>
internal sealed class AvailabilityAlertMetric : AlertMetric
{
    private static readonly Dictionary<string, Func<AvailabilityFigures, double?>> Figures = new(StringComparer.Ordinal)
    {
        ["availabilityPct"] = f => f.AvailabilityPct,
        ["experienceWeightedAvailabilityPct"] = f => f.ExperienceWeightedAvailabilityPct,
    };

    public override AlertMetricName Name => AlertMetricName.Availability;
    public override string DefaultField => "availabilityPct";
    public override IReadOnlyCollection<string> Fields => Figures.Keys;
    public override IReadOnlyCollection<string> TestedFields => [];
    public override IMetricQuery Query(IReadOnlyDictionary<string, string[]> filters) => QueryDimensions.Create<AvailabilityQuery>(filters);

    public override async Task<(object Current, object Previous)> CountAsync(
        MetricEngine engine, MetricsReadDatabase reads, CountScope scope, CancellationToken ct)
    {
        var b = scope.Boundaries ?? throw new ArgumentException("An alert scope has the window boundaries.", nameof(scope));
        var weight = AvailabilityCalculator.DefaultPartialWeight;
        var previous = await AvailabilityApi.FiguresAsync(reads.Db, new TimeRange(b[0], b[1]), scope.Filters, weight, ct);
        var current = await AvailabilityApi.FiguresAsync(reads.Db, new TimeRange(b[1], b[2]), scope.Filters, weight, ct);
        return (current, previous);
    }

    public override AlertReading Read(string field, object current, object previous)
    {
        var (now, before) = ((AvailabilityFigures)current, (AvailabilityFigures)previous);
        return new AlertReading(Figures[field](now), Seconds(now), null, Figures[field](before), Seconds(before), null);
    }

    private static long Seconds(AvailabilityFigures f) => (long)(f.PeriodSeconds - f.MaintenanceSeconds);
}
