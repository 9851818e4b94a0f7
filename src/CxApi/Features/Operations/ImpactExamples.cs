using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Features.Operations;

/// <summary>
/// The impact examples, computed by the calculators: a two-hour checkout-web outage on 19 November 2026 against its
/// 14-day baseline, and release 4.2.0 of checkout-web after which CSAT fell and contacts rose.
/// </summary>
public sealed class ImpactExamples : IOpenApiExamples
{
    private static readonly DateTimeOffset Started = new(2026, 11, 19, 18, 0, 0, TimeSpan.Zero);
    private const long Hour = 3_600_000_000;

    public IReadOnlyDictionary<Type, Func<object>> Responses { get; } = new Dictionary<Type, Func<object>>
    {
        [typeof(IncidentImpactReport)] = Incident,
        [typeof(ChangeImpactReport)] = Change,
    };

    private static WindowCounts Counts(double hours, (int Score, long Count)[] csat, (int Score, long Count)[] nps, long contacts) =>
        new(Scores(csat), Scores(nps), Distribution.Of((6, 40), (5, 30), (3, 10)), new(), Distribution.Of((5, 12), (4, 5), (1, 3)),
            new InteractionCounts { Count = contacts, WithFirstResponse = contacts, FirstResponseBins = [(LogHistogram.BinOf(240), contacts)] },
            hours);

    private static Distribution Scores((int Score, long Count)[] counts) => Distribution.Of([.. counts.Select(c => ((double)c.Score, c.Count))]);

    private static IncidentImpactReport Incident()
    {
        var start = UnixMicros.From(Started);
        var baseline = Counts(336, [(5, 300), (4, 120), (3, 50), (2, 20), (1, 10)], [(10, 150), (9, 100), (8, 80), (5, 70)], 1344);
        var during = Counts(2, [(5, 4), (4, 3), (2, 5), (1, 8)], [(9, 2), (3, 4)], 61);
        var after = Counts(168, [(5, 140), (4, 60), (3, 30), (2, 12), (1, 8)], [(10, 70), (9, 50), (8, 45), (4, 40)], 690);
        return new IncidentImpactReport("01JD2Q5G7X0000000000000001", ["checkout-web"], false, 360, 7200, 120,
            ImpactMeasurement.Window(new TimeRange(start - 336 * Hour, start), true, baseline, null),
            ImpactMeasurement.Window(new TimeRange(start, start + 2 * Hour), true, during, baseline),
            ImpactMeasurement.Window(new TimeRange(start + 2 * Hour, start + 170 * Hour), true, after, baseline),
            new AffectedCustomers(412, 37, 389, 21));
    }

    private static ChangeImpactReport Change()
    {
        var at = UnixMicros.From(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));
        var before = Counts(168, [(5, 150), (4, 60), (3, 25), (2, 10), (1, 5)], [(10, 75), (9, 50), (8, 40), (5, 35)], 672);
        var after = Counts(168, [(5, 110), (4, 50), (3, 40), (2, 30), (1, 20)], [(10, 60), (9, 45), (8, 45), (4, 50)], 790);
        return ChangeImpactReport.Of("01JD4B2K9M0000000000000002", ["checkout-web"], at,
            (new TimeRange(at - 168 * Hour, at), true, before), (new TimeRange(at, at + 168 * Hour), true, after));
    }
}
