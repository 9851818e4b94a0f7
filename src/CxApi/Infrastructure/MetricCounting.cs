using System.Globalization;
using System.Text;
using CxApi.Common;
using CxApi.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

/// <summary>The dimensions metrics filter and group by.</summary>
public enum Dimension { SurveyId, Channel, Product, Region, Tag, Source, Team, Type }

/// <summary>
/// What to count: records whose own time lies in <c>[FromMicros, ToMicros)</c>, matching every filter
/// (values of one dimension mean "either"), optionally per group and per time bucket. Bucket i is
/// <c>[Boundaries[i], Boundaries[i+1])</c>; without boundaries everything is bucket 0.
/// </summary>
public sealed record CountScope(
    long FromMicros,
    long ToMicros,
    IReadOnlyDictionary<Dimension, IReadOnlyList<string>> Filters,
    Dimension? GroupBy = null,
    IReadOnlyList<long>? Boundaries = null);

public sealed record ScoreCount(string? GroupKey, int Bucket, double Score, long Count);

public sealed record InteractionAggregate(
    string? GroupKey, int Bucket, long Count, long Resolved, long ResolvedFirstContact, long Escalated, long Abandoned,
    long WithFirstResponse, long WithinSla, double FirstResponseMicros, double ResolutionMicros);

public sealed record DurationBinCount(string? GroupKey, int Bucket, int Which, int Bin, long Count);

/// <summary>
/// Counts in the database (GROUP BY with COUNT and SUM), so a metric query returns one row per
/// group × bucket × score, never the records themselves.
/// </summary>
public sealed class MetricCounting(CxDbContext db)
{
    /// <summary>How many responses of <paramref name="kind"/> gave each score (SUS: each SUS score).</summary>
    public Task<List<ScoreCount>> ResponsesAsync(SurveyKind kind, CountScope scope, CancellationToken ct)
    {
        var q = new CountSql(Sources.Responses, scope);
        var score = kind == SurveyKind.Sus ? "r.\"SusScore\"" : "r.\"Score\"";
        q.Where($"r.\"Kind\" = {q.Param(EnumText<SurveyKind>.ToText(kind))}");
        var sql = $"""
            SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", CAST({score} AS DOUBLE PRECISION) AS "Score", COUNT(*) AS "Count"
            {q.FromWhere}
            GROUP BY 1, 2, 3
            """;
        return db.Database.SqlQueryRaw<ScoreCount>(sql, q.Args).ToListAsync(ct);
    }

    /// <summary>How many reviews gave each star rating.</summary>
    public Task<List<ScoreCount>> ReviewsAsync(CountScope scope, CancellationToken ct)
    {
        var q = new CountSql(Sources.Reviews, scope);
        var sql = $"""
            SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", CAST(r."Rating" AS DOUBLE PRECISION) AS "Score", COUNT(*) AS "Count"
            {q.FromWhere}
            GROUP BY 1, 2, 3
            """;
        return db.Database.SqlQueryRaw<ScoreCount>(sql, q.Args).ToListAsync(ct);
    }

    /// <summary>Interaction totals and duration sums per group and bucket.</summary>
    public Task<List<InteractionAggregate>> InteractionsAsync(CountScope scope, double slaSeconds, CancellationToken ct)
    {
        var q = new CountSql(Sources.Interactions, scope);
        var sla = q.Param((long)Math.Round(slaSeconds * 1e6));
        var sql = $"""
            SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket",
                   COUNT(*) AS "Count",
                   CAST(SUM(CASE WHEN r."Status" = 'resolved' THEN 1 ELSE 0 END) AS BIGINT) AS "Resolved",
                   CAST(SUM(CASE WHEN r."Status" = 'resolved' AND r."ContactCount" = 1 THEN 1 ELSE 0 END) AS BIGINT) AS "ResolvedFirstContact",
                   CAST(SUM(CASE WHEN r."Escalated" THEN 1 ELSE 0 END) AS BIGINT) AS "Escalated",
                   CAST(SUM(CASE WHEN r."Status" = 'abandoned' THEN 1 ELSE 0 END) AS BIGINT) AS "Abandoned",
                   CAST(SUM(CASE WHEN r."FirstResponseAtMicros" IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS "WithFirstResponse",
                   CAST(SUM(CASE WHEN r."FirstResponseAtMicros" - r."OpenedAtMicros" <= {sla} THEN 1 ELSE 0 END) AS BIGINT) AS "WithinSla",
                   CAST(COALESCE(SUM(r."FirstResponseAtMicros" - r."OpenedAtMicros"), 0) AS DOUBLE PRECISION) AS "FirstResponseMicros",
                   CAST(COALESCE(SUM(r."ResolvedAtMicros" - r."OpenedAtMicros"), 0) AS DOUBLE PRECISION) AS "ResolutionMicros"
            {q.FromWhere}
            GROUP BY 1, 2
            """;
        return db.Database.SqlQueryRaw<InteractionAggregate>(sql, q.Args).ToListAsync(ct);
    }

    /// <summary>Counts per log-histogram bin of first-response (Which = 0) and resolution (Which = 1) durations.</summary>
    public Task<List<DurationBinCount>> InteractionDurationBinsAsync(CountScope scope, CancellationToken ct)
    {
        var q = new CountSql(Sources.Interactions, scope);
        var sql = $"""
            SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", 0 AS "Which", r."FirstResponseBin" AS "Bin", COUNT(*) AS "Count"
            {q.FromWhere} AND r."FirstResponseBin" IS NOT NULL
            GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", 1 AS "Which", r."ResolutionBin" AS "Bin", COUNT(*) AS "Count"
            {q.FromWhere} AND r."ResolutionBin" IS NOT NULL
            GROUP BY 1, 2, 3, 4
            """;
        return db.Database.SqlQueryRaw<DurationBinCount>(sql, q.Args).ToListAsync(ct);
    }

    /// <summary>A record table as metrics see it: its own time and the column behind each dimension.</summary>
    private sealed record Source(string Table, string Time, IReadOnlyDictionary<Dimension, string> Columns);

    private static class Sources
    {
        public static readonly Source Responses = new("Responses", "RespondedAtMicros", new Dictionary<Dimension, string>
        {
            [Dimension.SurveyId] = "SurveyId", [Dimension.Channel] = "Channel", [Dimension.Product] = "Product",
            [Dimension.Region] = "Region", [Dimension.Tag] = "Tags",
        });

        public static readonly Source Reviews = new("Reviews", "PublishedAtMicros", new Dictionary<Dimension, string>
        {
            [Dimension.Source] = "Source", [Dimension.Product] = "Product", [Dimension.Region] = "Region",
        });

        public static readonly Source Interactions = new("Interactions", "OpenedAtMicros", new Dictionary<Dimension, string>
        {
            [Dimension.Channel] = "Channel", [Dimension.Product] = "Product", [Dimension.Region] = "Region",
            [Dimension.Tag] = "Tags", [Dimension.Team] = "Team", [Dimension.Type] = "Type",
        });
    }

    /// <summary>
    /// Builds the FROM/WHERE, group key and bucket expressions of a count query. Values travel as
    /// parameters ({0}, {1}, …); only integers computed here (bucket boundaries) are written inline.
    /// </summary>
    private sealed class CountSql
    {
        private readonly List<object> _args = [];
        private readonly List<string> _where = [];
        private readonly string _from;

        public CountSql(Source source, CountScope scope)
        {
            var time = $"r.\"{source.Time}\"";
            _where.Add($"{time} >= {Param(scope.FromMicros)}");
            _where.Add($"{time} < {Param(scope.ToMicros)}");
            foreach (var (dimension, values) in scope.Filters)
            {
                if (values.Count == 0) continue;
                var column = source.Columns.TryGetValue(dimension, out var c)
                    ? c : throw new ArgumentException($"{source.Table} have no {dimension} dimension.");
                var list = string.Join(", ", values.Select(Param));
                _where.Add(dimension == Dimension.Tag
                    ? $"EXISTS (SELECT 1 FROM json_each(r.\"{column}\") t WHERE t.value IN ({list}))"
                    : $"r.\"{column}\" IN ({list})");
            }

            _from = $"FROM \"{source.Table}\" r";
            if (scope.GroupBy is { } group)
            {
                var column = source.Columns.TryGetValue(group, out var c)
                    ? c : throw new ArgumentException($"{source.Table} have no {group} dimension.");
                if (group == Dimension.Tag)
                {
                    _from += $" JOIN json_each(r.\"{column}\") g";
                    GroupKey = "g.value";
                }
                else GroupKey = $"r.\"{column}\"";
            }
            Bucket = scope.Boundaries is { Count: > 2 } b ? BucketTree(time, b, 0, b.Count - 2) : "0";
        }

        public string GroupKey { get; } = "NULL";
        public string Bucket { get; }
        public object[] Args => [.. _args];
        public string FromWhere => $"{_from}\nWHERE {string.Join(" AND ", _where)}";

        public void Where(string condition) => _where.Add(condition);

        public string Param(object value)
        {
            _args.Add(value);
            return $"{{{_args.Count - 1}}}";
        }

        /// <summary>A balanced CASE over the boundaries: each row finds its bucket in ⌈log₂ n⌉ comparisons.</summary>
        private static string BucketTree(string time, IReadOnlyList<long> boundaries, int first, int last)
        {
            if (first == last) return first.ToString(CultureInfo.InvariantCulture);
            var mid = (first + last + 1) / 2;
            var sb = new StringBuilder();
            sb.Append("CASE WHEN ").Append(time).Append(" < ").Append(boundaries[mid].ToString(CultureInfo.InvariantCulture))
              .Append(" THEN ").Append(BucketTree(time, boundaries, first, mid - 1))
              .Append(" ELSE ").Append(BucketTree(time, boundaries, mid, last)).Append(" END");
            return sb.ToString();
        }
    }
}
