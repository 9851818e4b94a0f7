using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;

namespace CxApi.Features.Metrics;

/// <summary>Runs the database counts for a metric request and folds them per group and bucket.</summary>
public sealed class MetricEngine(MetricCounting counting, SettledFigures settled)
{
    /// <summary>Figures kept over ended spans of <paramref name="services"/> (all when null) inside <c>[from, to)</c>; see <see cref="SettledFigures"/>.</summary>
    public Task<SettledView> SettledAsync(IReadOnlyCollection<string>? services, long from, long to, CancellationToken ct) =>
        settled.ViewAsync(counting, services, from, to, ct);

    public Task<Counted<Distribution>> ResponsesAsync(SurveyKind kind, CountScope scope, CancellationToken ct) =>
        ScoresAsync((s, c) => counting.ResponsesAsync(kind, s, c), scope, ct);

    public Task<Counted<Distribution>> ReviewsAsync(CountScope scope, CancellationToken ct) =>
        ScoresAsync(counting.ReviewsAsync, scope, ct);

    /// <summary>
    /// Interaction counts and duration sums per group and bucket; with <paramref name="durations"/> false, without the
    /// duration histograms (no medians: one query less, for callers that need counts only).
    /// </summary>
    public async Task<Counted<InteractionCounts>> InteractionsAsync(CountScope scope, double slaSeconds, CancellationToken ct, bool durations = true)
    {
        var counted = new Counted<InteractionCounts>(() => new InteractionCounts(), (a, b) => a + b);
        // The total comes from its own query: with groupBy=tag one interaction may sit in several groups.
        foreach (var (key, bucket, counts) in await InteractionRowsAsync(scope with { GroupBy = null }, slaSeconds, durations, ct))
            counted.AddTotal(bucket, counts);
        if (scope.GroupBy is not null)
            foreach (var (key, bucket, counts) in await InteractionRowsAsync(scope, slaSeconds, durations, ct))
                counted.AddGroup(key, bucket, counts);
        return counted;
    }

    /// <summary>Whether the retention job has purged records of <paramref name="kind"/> from before <paramref name="from"/> (a period's start).</summary>
    public async Task<bool> RecordsPurgedAsync(RecordKind kind, DateTimeOffset from, CancellationToken ct) =>
        await counting.PurgedBeforeAsync(kind, ct) is { } horizon && UnixMicros.From(from) < horizon;

    /// <summary>Whether counts come from the rollups where they can (<see cref="MetricsOptions.UseRollups"/>).</summary>
    public bool UsesRollups => counting.UsesRollups;

    /// <summary>Records per value of a rolled-up dimension and whole UTC hour, from the hourly rollups; null when rollups are off.</summary>
    public Task<List<HourCount>?> HourlyCountsAsync(RecordKind kind, string dimension, IReadOnlyList<string> values, long fromHour, long toHour,
        CancellationToken ct) => counting.HourlyCountsAsync(kind, dimension, values, fromHour, toHour, ct);

    /// <summary>Whether any record of a kind (and survey kind) with one of some values of a rolled-up dimension lies in the days <c>[from, to)</c> touches; null when rollups are off.</summary>
    public Task<bool?> AnyRecordsAsync(RecordKind kind, SurveyKind? surveyKind, string dimension, IReadOnlyList<string> values, long from, long to,
        CancellationToken ct) => counting.AnyRecordsAsync(kind, surveyKind, dimension, values, from, to, ct);

    /// <summary>The values a rolled-up dimension takes in a kind's records (any time); null when rollups are off.</summary>
    public Task<List<string>?> RolledUpValuesAsync(RecordKind kind, string dimension, CancellationToken ct) =>
        counting.RolledUpValuesAsync(kind, dimension, ct);

    private static async Task<Counted<Distribution>> ScoresAsync(
        Func<CountScope, CancellationToken, Task<List<ScoreCount>>> count, CountScope scope, CancellationToken ct)
    {
        var counted = new Counted<Distribution>(() => new Distribution(), (a, b) =>
        {
            var sum = new Distribution();
            sum.Add(a);
            sum.Add(b);
            return sum;
        });
        foreach (var row in await count(scope with { GroupBy = null }, ct))
            counted.AddTotal(row.Bucket, Distribution.Of((row.Score, row.Count)));
        if (scope.GroupBy is not null)
            foreach (var row in await count(scope, ct))
                counted.AddGroup(row.GroupKey, row.Bucket, Distribution.Of((row.Score, row.Count)));
        return counted;
    }

    private async Task<IEnumerable<(string? Key, int Bucket, InteractionCounts Counts)>> InteractionRowsAsync(
        CountScope scope, double slaSeconds, bool durations, CancellationToken ct)
    {
        var totals = await counting.InteractionsAsync(scope, slaSeconds, ct);
        var bins = (durations ? await counting.InteractionDurationBinsAsync(scope, slaSeconds, ct) : [])
            .ToLookup(b => (b.GroupKey, b.Bucket));
        return totals.Select(t =>
        {
            var own = bins[(t.GroupKey, t.Bucket)].ToList();
            return (t.GroupKey, t.Bucket, new InteractionCounts
            {
                Count = t.Count,
                Resolved = t.Resolved,
                ResolvedFirstContact = t.ResolvedFirstContact,
                Escalated = t.Escalated,
                Abandoned = t.Abandoned,
                WithFirstResponse = t.WithFirstResponse,
                FirstResponseWithinSla = t.WithinSla,
                FirstResponseSeconds = t.FirstResponseMicros / 1e6,
                ResolutionSeconds = t.ResolutionMicros / 1e6,
                FirstResponseBins = [.. own.Where(b => b.Which == 0).Select(b => (b.Bin, b.Count))],
                ResolutionBins = [.. own.Where(b => b.Which == 1).Select(b => (b.Bin, b.Count))],
            });
        });
    }
}
