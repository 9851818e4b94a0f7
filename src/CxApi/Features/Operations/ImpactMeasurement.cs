using CxApi.Common;
using CxApi.Features.Metrics;
using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;

namespace CxApi.Features.Operations;

/// <summary>
/// Counts the CX figures of the records on some services in a window (from the rollups for whole hours and days, from
/// the records at the window's unaligned edges) and turns them into an <see cref="ImpactWindow"/>, compared with a baseline.
/// </summary>
public sealed class ImpactMeasurement(MetricEngine engine, TimeProvider clock)
{
    private const double MicrosPerHour = 3_600_000_000;

    public long Now => UnixMicros.From(clock.GetUtcNow());

    /// <summary>Figures kept over ended spans of <paramref name="services"/> (all when null) inside <c>[from, to)</c>.</summary>
    public Task<SettledView> SettledAsync(IReadOnlyCollection<string>? services, long from, long to, CancellationToken ct) =>
        engine.SettledAsync(services, from, to, ct);

    /// <summary>
    /// The counts of each window on the same services, each exactly what that window alone holds, from one engine query
    /// per figure: the windows' ends cut their span into buckets (rollups for the whole hours and days inside each, the
    /// records for the unaligned rest), and each window adds up the buckets it covers. A month of deployments costs the
    /// same few queries as one.
    /// </summary>
    /// <param name="verdictOnly">
    /// Count only what the CX-regression verdict tests (CSAT, NPS, CES, rating, contacts): the reviews stay empty and the
    /// interactions carry no first-response times. Two queries fewer, for callers that keep the verdict alone.
    /// </param>
    public async Task<IReadOnlyList<WindowCounts>> CountAsync(IReadOnlyList<string> services, IReadOnlyList<TimeRange> windows, CancellationToken ct,
        bool verdictOnly = false)
    {
        if (Cuts(services, windows) is not var (cuts, scope)) return [.. windows.Select(w => WindowCounts.Empty(Hours(w)))];
        async Task<Counted<Distribution>> Responses(SurveyKind kind) =>
            await Any(RecordKinds.Responses, kind) ? await engine.ResponsesAsync(kind, scope, ct) : None<Distribution>();
        var (csat, nps, ces, rating) = (await Responses(SurveyKind.Csat), await Responses(SurveyKind.Nps), await Responses(SurveyKind.Ces),
            await Responses(SurveyKind.Rating));
        var reviews = !verdictOnly && await Any(RecordKinds.Reviews) ? await engine.ReviewsAsync(scope, ct) : None<Distribution>();
        var interactions = await Any(RecordKinds.Interactions)
            ? await engine.InteractionsAsync(scope, InteractionCalculator.DefaultSlaSeconds, ct, durations: !verdictOnly)
            : None<InteractionCounts>();
        // A figure whose records the daily rollups show none of in the span is not counted: it would be empty.
        async Task<bool> Any(RecordKind kind, SurveyKind? surveyKind = null) =>
            await engine.AnyRecordsAsync(kind, surveyKind, "service", services, scope.FromMicros, scope.ToMicros, ct) != false;
        return [.. windows.Select(w => Hours(w) == 0 ? WindowCounts.Empty(0) : new WindowCounts(
            Over(csat, cuts, w), Over(nps, cuts, w), Over(ces, cuts, w), Over(rating, cuts, w), Over(reviews, cuts, w), Over(interactions, cuts, w),
            Hours(w)))];
    }

    private static Counted<T> None<T>() where T : new() => new(() => new T(), (a, _) => a);

    public async Task<WindowCounts> CountAsync(IReadOnlyList<string> services, TimeRange window, CancellationToken ct) =>
        (await CountAsync(services, [window], ct))[0];

    /// <summary>The CSAT scores alone of each window, for callers that need no other figure (the scorecard's incident deltas).</summary>
    public async Task<IReadOnlyList<Distribution>> CsatAsync(IReadOnlyList<string> services, IReadOnlyList<TimeRange> windows, CancellationToken ct)
    {
        if (Cuts(services, windows) is not var (cuts, scope)
            || await engine.AnyRecordsAsync(RecordKinds.Responses, SurveyKind.Csat, "service", services, scope.FromMicros, scope.ToMicros, ct) == false)
            return [.. windows.Select(_ => new Distribution())];
        var csat = await engine.ResponsesAsync(SurveyKind.Csat, scope, ct);
        return [.. windows.Select(w => Over(csat, cuts, w))];
    }

    private static double Hours(TimeRange window) => Math.Max(0, window.To - window.From) / MicrosPerHour;

    /// <summary>The windows' ends in order, as the bucket boundaries of one count over their span; null when no window has a length.</summary>
    private static (List<long> Cuts, CountScope Scope)? Cuts(IReadOnlyList<string> services, IReadOnlyList<TimeRange> windows)
    {
        var cuts = windows.Where(w => w.To > w.From).SelectMany(w => new[] { w.From, w.To }).Distinct().Order().ToList();
        if (cuts.Count < 2) return null;
        return (cuts, new CountScope(cuts[0], cuts[^1], new Dictionary<string, IReadOnlyList<string>> { ["service"] = services }, Boundaries: cuts));
    }

    /// <summary>A window's total: the buckets from the cut at its start to the cut at its end.</summary>
    private static T Over<T>(Counted<T> counted, List<long> cuts, TimeRange window) where T : new() =>
        window.To > window.From ? counted.Over(cuts.BinarySearch(window.From), cuts.BinarySearch(window.To)) : new T();

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
