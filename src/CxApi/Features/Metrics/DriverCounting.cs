using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace CxApi.Features.Metrics;

/// <summary>
/// The database counts for driver analysis: one row per bucket (or factor value) × score, grouped in SQL
/// over the join of responses and interactions, never the records themselves. Spearman's ρ over durations
/// reads one row per (duration, score) in duration order and ranks them as they stream.
/// </summary>
public static class DriverCounting
{
    public sealed record Counts(IReadOnlyList<(BucketName Name, Distribution Scores)> Buckets, RankCorrelationStats? Spearman);

    /// <summary>The responses of one kind the request selects (period on respondedAt, the survey filters).</summary>
    public static IQueryable<ResponseEntity> Responses(CxDbContext db, SurveyKind kind, MetricRequest request)
    {
        var responses = db.Responses.AsNoTracking()
            .Where(r => r.Kind == kind)
            .InRange(r => r.RespondedAtMicros, UnixMicros.From(request.From), UnixMicros.From(request.To));
        return RecordKinds.Responses.WhereDimensions(responses, request.Filters);
    }

    /// <summary>How many of the responses name an interaction, and how many do not.</summary>
    public static async Task<(long Linked, long Unlinked)> LinkCountsAsync(IQueryable<ResponseEntity> responses, CancellationToken ct)
    {
        var counts = await responses.GroupBy(r => r.InteractionId == null)
            .Select(g => new { Unlinked = g.Key, Count = g.LongCount() })
            .ToListAsync(ct);
        return (counts.Where(c => !c.Unlinked).Sum(c => c.Count), counts.Where(c => c.Unlinked).Sum(c => c.Count));
    }

    public static async Task<Counts> CountAsync(
        CxDbContext db, IQueryable<ResponseEntity> responses, DriverFactor factor, long fromMicros, long toMicros, CancellationToken ct)
    {
        if (factor.Dimension is { } dimension)
        {
            var rated = responses.Join(db.Interactions, r => r.InteractionId, i => i.Id, (r, i) => new RatedInteraction { Score = r.Score!.Value, Interaction = i });
            return Categories(factor, await dimension.ScoreCellsAsync(rated, x => x.Interaction, x => x.Score, ct));
        }
        var linked = responses.Join(db.Interactions, r => r.InteractionId, i => i.Id, (r, i) => new LinkedResponse
        {
            Score = r.Score!.Value,
            CustomerId = i.CustomerId ?? "",
            OpenedAtMicros = i.OpenedAtMicros,
            FirstResponseAtMicros = i.FirstResponseAtMicros,
            ResolvedAtMicros = i.ResolvedAtMicros,
            Escalated = i.Escalated,
            Service = r.Service ?? i.Service,
            RespondedAtMicros = r.RespondedAtMicros,
        });
        if (factor == DriverFactors.FirstResponseTime)
            return await DurationAsync(linked, factor, r => r.FirstResponseAtMicros - r.OpenedAtMicros, ct);
        if (factor == DriverFactors.ResolutionTime)
            return await DurationAsync(linked, factor, r => r.ResolvedAtMicros - r.OpenedAtMicros, ct);
        if (factor == DriverFactors.ContactCount)
        {
            // Non-null on the right, the customer comparison is a plain equality: one seek on (CustomerId, OpenedAtMicros).
            var interactions = db.Interactions.AsNoTracking();
            var cells = await Cells(linked, r => r.CustomerId == "" ? 1 : 1 + interactions.Count(j =>
                j.CustomerId == r.CustomerId && j.OpenedAtMicros >= fromMicros && j.OpenedAtMicros < r.OpenedAtMicros)).ToListAsync(ct);
            return new(Fixed(factor, cells, count => Math.Min(count, DriverFactors.ContactCountCap) - 1),
                Spearman.Compute(cells.Select(c => ((double)c.Key, (double)c.Score, c.Count))));
        }
        if (factor == DriverFactors.Escalated)
        {
            var cells = await Cells(linked, r => r.Escalated).ToListAsync(ct);
            return new(Fixed(factor, cells, escalated => escalated ? 1 : 0),
                Spearman.Compute(cells.Select(c => (c.Key ? 1.0 : 0.0, (double)c.Score, c.Count))));
        }
        if (factor == DriverFactors.Incident)
            return await IncidentAsync(db, linked, factor, fromMicros, toMicros, ct);
        throw new ArgumentException($"Unknown numeric factor {factor}.", nameof(factor));
    }

    private static async Task<Counts> DurationAsync(
        IQueryable<LinkedResponse> linked, DriverFactor factor, Expression<Func<LinkedResponse, long?>> micros, CancellationToken ct)
    {
        var cells = await Cells(linked, DurationBucket(micros)).ToListAsync(ct);
        var known = Expression.Lambda<Func<LinkedResponse, bool>>(
            Expression.NotEqual(micros.Body, Expression.Constant(null, typeof(long?))), micros.Parameters);
        var spearman = new SpearmanAccumulator();
        await foreach (var cell in Cells(linked.Where(known), micros).OrderBy(c => c.Key).AsAsyncEnumerable().WithCancellation(ct))
            spearman.Add(cell.Key!.Value, cell.Score, cell.Count);
        return new(Fixed(factor, cells, bucket => bucket), spearman.Result());
    }

    /// <summary>
    /// The incidents that can touch a response of the period (not maintenance, started before its end, resolved less than
    /// 24 h before its start or ongoing) are read once; responses on a service none of them lists are counted in SQL as
    /// 'neither', and only those on a listed service are streamed and placed against the incidents here.
    /// </summary>
    private static async Task<Counts> IncidentAsync(
        CxDbContext db, IQueryable<LinkedResponse> linked, DriverFactor factor, long fromMicros, long toMicros, CancellationToken ct)
    {
        var since = fromMicros - (long)IncidentExposure.Aftermath.TotalMicroseconds;
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.Impact != IncidentImpact.Maintenance && i.StartedAtMicros < toMicros
                && (i.ResolvedAtMicros == null || i.ResolvedAtMicros > since))
            .Select(i => new { i.Services, i.StartedAtMicros, i.ResolvedAtMicros })
            .ToListAsync(ct);
        var exposure = new IncidentExposure(incidents.Select(i => ((IReadOnlyList<string>)i.Services, i.StartedAtMicros, i.ResolvedAtMicros)));
        var affected = exposure.Services.ToList();

        // IncidentProximity lists during, after, neither in the factor's bucket order: its value is the bucket index.
        var neither = (int)IncidentProximity.Neither;
        var cells = (await Cells(linked.Where(r => r.Service == null || !affected.Contains(r.Service)), r => r.Score).ToListAsync(ct))
            .Select(c => new ScoreCell<int> { Key = neither, Score = c.Score, Count = c.Count })
            .ToList();
        var placed = new Dictionary<(int Bucket, int Score), long>();
        var exposed = linked.Where(r => r.Service != null && affected.Contains(r.Service))
            .Select(r => new { r.Service, r.RespondedAtMicros, r.Score });
        await foreach (var row in exposed.AsAsyncEnumerable().WithCancellation(ct))
        {
            var key = ((int)exposure.Of(row.Service, row.RespondedAtMicros), row.Score);
            placed[key] = placed.GetValueOrDefault(key) + 1;
        }
        cells.AddRange(placed.Select(p => new ScoreCell<int> { Key = p.Key.Bucket, Score = p.Key.Score, Count = p.Value }));
        return new(Fixed(factor, cells, bucket => bucket),
            Spearman.Compute(cells.Select(c => ((double)(neither - c.Key), (double)c.Score, c.Count))));
    }

    /// <summary>
    /// The bucket index of a duration, as a SQL CASE: 0 … 5 by <see cref="DriverFactors.DurationEdgesSeconds"/>,
    /// 6 when the interaction has no such time.
    /// </summary>
    private static Expression<Func<LinkedResponse, int>> DurationBucket(Expression<Func<LinkedResponse, long?>> micros)
    {
        var edges = DriverFactors.DurationEdgesSeconds;
        Expression bucket = Expression.Constant(edges.Length);
        for (var k = edges.Length - 1; k >= 0; k--)
            bucket = Expression.Condition(
                Expression.LessThan(micros.Body, Expression.Constant((long?)(edges[k] * 1_000_000), typeof(long?))),
                Expression.Constant(k), bucket);
        var none = Expression.Equal(micros.Body, Expression.Constant(null, typeof(long?)));
        return Expression.Lambda<Func<LinkedResponse, int>>(
            Expression.Condition(none, Expression.Constant(edges.Length + 1), bucket), micros.Parameters);
    }

    private static IQueryable<ScoreCell<TKey>> Cells<TKey>(IQueryable<LinkedResponse> linked, Expression<Func<LinkedResponse, TKey>> key) =>
        ScoreCells.Of(linked, key, r => r.Score);

    /// <summary>Every bucket of a bucketed factor, empty ones included.</summary>
    private static List<(BucketName, Distribution)> Fixed<TKey>(DriverFactor factor, List<ScoreCell<TKey>> cells, Func<TKey, int> bucketOf)
    {
        var names = factor.FixedBuckets!;
        var scores = names.Select(_ => new Distribution()).ToList();
        foreach (var cell in cells) scores[bucketOf(cell.Key)].Add(cell.Score, cell.Count);
        return [.. names.Zip(scores)];
    }

    /// <summary>One bucket per value present, in key order, a missing value last.</summary>
    private static Counts Categories(DriverFactor factor, List<ScoreCell<string?>> cells)
    {
        var buckets = cells.GroupBy(c => c.Key)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (factor.Category(g.Key), Distribution.Of([.. g.Select(c => ((double)c.Score, c.Count))])))
            .ToList();
        return new(buckets, null);
    }
}
