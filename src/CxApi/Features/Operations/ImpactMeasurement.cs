using CxApi.Common;
using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;
using CxApi.Infrastructure;

namespace CxApi.Features.Operations;

/// <summary>
/// Counts the CX figures of the records on some services in a window (from the rollups for whole hours and days, from
/// the records at the window's unaligned edges) and turns them into an <see cref="ImpactWindow"/>, compared with a baseline.
/// </summary>
public sealed class ImpactMeasurement(MetricEngine engine, TimeProvider clock)
{
    private const double MicrosPerHour = 3_600_000_000;

    public long Now => UnixMicros.From(clock.GetUtcNow());

    public async Task<WindowCounts> CountAsync(IReadOnlyList<string> services, TimeRange window, CancellationToken ct)
    {
        var hours = Math.Max(0, window.To - window.From) / MicrosPerHour;
        if (hours == 0) return WindowCounts.Empty(0);
        var scope = Scope(services, window);
        async Task<Distribution> Responses(SurveyKind kind) => (await engine.ResponsesAsync(kind, scope, ct)).Total();
        return new WindowCounts(
            await Responses(SurveyKind.Csat), await Responses(SurveyKind.Nps), await Responses(SurveyKind.Ces), await Responses(SurveyKind.Rating),
            (await engine.ReviewsAsync(scope, ct)).Total(),
            (await engine.InteractionsAsync(scope, InteractionCalculator.DefaultSlaSeconds, ct)).Total(),
            hours);
    }

    /// <summary>The CSAT scores alone, for callers that need no other figure (the scorecard's incident deltas).</summary>
    public async Task<Distribution> CsatAsync(IReadOnlyList<string> services, TimeRange window, CancellationToken ct) =>
        window.To > window.From ? (await engine.ResponsesAsync(SurveyKind.Csat, Scope(services, window), ct)).Total() : new Distribution();

    private static CountScope Scope(IReadOnlyList<string> services, TimeRange window) =>
        new(window.From, window.To, new Dictionary<string, IReadOnlyList<string>> { ["service"] = services });

    /// <summary><c>[from, to)</c> cut at now; complete when it did not need cutting.</summary>
    public (TimeRange Range, bool Complete) UpToNow(long from, long to)
    {
        var now = Now;
        return (new TimeRange(Math.Min(from, now), Math.Min(to, now)), to <= now);
    }

    public static ImpactWindow Window(TimeRange range, bool complete, WindowCounts counts, WindowCounts? baseline)
    {
        CsatStats csat = CsatCalculator.Compute(counts.Csat);
        NpsStats nps = NpsCalculator.Compute(counts.Nps);
        CesStats ces = MeanCalculators.Ces(counts.Ces);
        RatingStats rating = MeanCalculators.Rating(counts.Rating);
        ReviewStats reviews = ReviewCalculator.Compute(counts.Reviews);
        var contacts = counts.Interactions.Count;
        var firstResponse = InteractionCalculator.Compute(counts.Interactions).FirstResponse.Median;

        ImpactFigure Figure(double? value, long n, Interval? ci95, Func<WindowCounts, FigureChange> compare) =>
            baseline is null ? new(value, n, ci95, null, null, null) : new ImpactFigure(value, n, ci95, null, null, null).Against(compare(baseline));

        var baselineFirstResponse = baseline is null ? null : InteractionCalculator.Compute(baseline.Interactions).FirstResponse.Median;
        return new ImpactWindow(
            UnixMicros.ToDateTimeOffset(range.From), UnixMicros.ToDateTimeOffset(range.To), counts.Hours, complete,
            Figure(csat.Value, csat.Responses, csat.Ci95, b => WindowComparison.Csat(b.Csat, counts.Csat)),
            Figure(nps.Value, nps.Responses, nps.Ci95, b => WindowComparison.Nps(b.Nps, counts.Nps)),
            Figure(ces.Value, ces.Responses, ces.Ci95, b => WindowComparison.Mean(b.Ces, counts.Ces)),
            Figure(rating.Value, rating.Responses, rating.Ci95, b => WindowComparison.Mean(b.Rating, counts.Rating)),
            Figure(reviews.Value, reviews.Count, reviews.Ci95, b => WindowComparison.Mean(b.Reviews, counts.Reviews)),
            Figure(counts.Hours > 0 ? contacts / counts.Hours : null, contacts, null,
                b => WindowComparison.ContactsPerHour(b.Interactions.Count, b.Hours, contacts, counts.Hours)),
            new ImpactFigure(firstResponse, counts.Interactions.WithFirstResponse, null,
                firstResponse - baselineFirstResponse, null, null));
    }
}
