using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Features.Operations;

/// <summary>
/// The availability example, computed by the calculators: checkout-web in November 2026 with a one-hour outage
/// (acknowledged after 6 min) and a two-hour partial outage (acknowledged after 10 min), no customer activity recorded.
/// </summary>
public sealed class AvailabilityExamples : IOpenApiExamples
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), To = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public IReadOnlyDictionary<Type, Func<object>> Responses { get; } = new Dictionary<Type, Func<object>>
    {
        [typeof(MetricReport<AvailabilityFigures>)] = Example,
    };

    private static MetricReport<AvailabilityFigures> Example()
    {
        var period = new TimeRange(UnixMicros.From(From), UnixMicros.From(To));
        var outage = UnixMicros.From(new DateTimeOffset(2026, 11, 19, 18, 0, 0, TimeSpan.Zero));
        var partial = UnixMicros.From(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        const long Hour = 3_600_000_000;
        IncidentSpan[] spans = [new(outage, outage + Hour, IncidentImpact.Outage), new(partial, partial + 2 * Hour, IncidentImpact.Partial)];
        var figures = AvailabilityFigures.Of(
            AvailabilityCalculator.Compute(period, spans),
            ExperienceWeightedAvailability.Compute(period, spans, new long[HourOfWeek.Count]),
            new IncidentCounts(2, 1, 1, 0, 0),
            DurationSummary.Of([360, 600]),
            DurationSummary.Of([3600, 7200]));
        var header = new MetricHeader("availability", From, To, new Dictionary<string, IReadOnlyList<string>> { ["service"] = ["checkout-web"] },
            null, AvailabilityCalculator.Definition);
        return new MetricReport<AvailabilityFigures>(header, figures, null);
    }
}
