using System.Globalization;
using System.Text;
using CxApi.Common;
using CxApi.Infrastructure.Rollups;
using CxApi.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

public sealed class MetricsOptions
{
    public const string Section = "Metrics";
    /// <summary>Answer from rollups where they can (off: always count the records; for comparisons).</summary>
    public bool UseRollups { get; set; } = true;
}

/// <summary>
/// Counts in the database (GROUP BY with COUNT and SUM), returning one row per group × bucket × score,
/// never the records. Whole UTC hours and days come from the rollups, which cost O(slots × groups)
/// however many records there are; only the unaligned edges of the period, and queries the rollups
/// cannot answer (two dimensions at once, several tags, a half-hour time zone, a custom SLA), read
/// the records themselves.
/// </summary>
public sealed class MetricCounting(MetricsReadDatabase reads, IOptions<MetricsOptions> options)
{
    private readonly CxDbContext db = reads.Db;
    private readonly SqlDialect _dialect = SqlDialect.For(reads.Db.Database);

    /// <summary>How many responses of <paramref name="kind"/> gave each score (SUS: each SUS score).</summary>
    public async Task<List<ScoreCount>> ResponsesAsync(SurveyKind kind, CountScope scope, CancellationToken ct)
    {
        var (plan, view) = Plan(scope, Sources.Responses, rollupsAnswer: true);
        var rows = new List<ScoreCount>();
        if (plan.Raw.Count > 0)
        {
            var q = new CountSql(Sources.Responses, scope, plan.Raw, _dialect);
            var score = kind == SurveyKind.Sus ? "r.\"SusScore\"" : "r.\"Score\"";
            q.Where($"r.\"Kind\" = {q.Param(EnumText<SurveyKind>.ToText(kind))}");
            var sql = $"""
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", CAST({score} AS DOUBLE PRECISION) AS "Score", COUNT(*) AS "Count"
                {q.FromWhere}
                GROUP BY 1, 2, 3
                """;
            rows.AddRange(await db.Database.SqlQueryRaw<ScoreCount>(sql, q.Args).ToListAsync(ct));
        }
        if (view is not null && plan.Slots.Count > 0)
        {
            var q = new RollupSql("ResponseRollups", view, scope, plan, kind);
            var sql = $"""
                {q.With}
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", r."Score", CAST({RollupSql.Sum("Count")} AS BIGINT) AS "Count"
                {q.FromWhere}
                GROUP BY 1, 2, 3
                {RollupSql.Having}
                """;
            rows.AddRange(await db.Database.SqlQueryRaw<ScoreCount>(sql, q.Args).ToListAsync(ct));
        }
        return rows;
    }

    /// <summary>How many reviews gave each star rating.</summary>
    public async Task<List<ScoreCount>> ReviewsAsync(CountScope scope, CancellationToken ct)
    {
        var (plan, view) = Plan(scope, Sources.Reviews, rollupsAnswer: true);
        var rows = new List<ScoreCount>();
        if (plan.Raw.Count > 0)
        {
            var q = new CountSql(Sources.Reviews, scope, plan.Raw, _dialect);
            var sql = $"""
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", CAST(r."Rating" AS DOUBLE PRECISION) AS "Score", COUNT(*) AS "Count"
                {q.FromWhere}
                GROUP BY 1, 2, 3
                """;
            rows.AddRange(await db.Database.SqlQueryRaw<ScoreCount>(sql, q.Args).ToListAsync(ct));
        }
        if (view is not null && plan.Slots.Count > 0)
        {
            var q = new RollupSql("ReviewRollups", view, scope, plan);
            var sql = $"""
                {q.With}
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", CAST(r."Rating" AS DOUBLE PRECISION) AS "Score", CAST({RollupSql.Sum("Count")} AS BIGINT) AS "Count"
                {q.FromWhere}
                GROUP BY 1, 2, 3
                {RollupSql.Having}
                """;
            rows.AddRange(await db.Database.SqlQueryRaw<ScoreCount>(sql, q.Args).ToListAsync(ct));
        }
        return rows;
    }

    /// <summary>Interaction totals and duration sums per group and bucket.</summary>
    public async Task<List<InteractionAggregate>> InteractionsAsync(CountScope scope, double slaSeconds, CancellationToken ct)
    {
        var (plan, view) = Plan(scope, Sources.Interactions, rollupsAnswer: IsDefaultSla(slaSeconds));
        var rows = new List<InteractionAggregate>();
        if (plan.Raw.Count > 0)
        {
            var q = new CountSql(Sources.Interactions, scope, plan.Raw, _dialect);
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
            rows.AddRange(await db.Database.SqlQueryRaw<InteractionAggregate>(sql, q.Args).ToListAsync(ct));
        }
        if (view is not null && plan.Slots.Count > 0)
        {
            var q = new RollupSql("InteractionRollups", view, scope, plan);
            var sql = $"""
                {q.With}
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket",
                       CAST({RollupSql.Sum("Count")} AS BIGINT) AS "Count", CAST({RollupSql.Sum("Resolved")} AS BIGINT) AS "Resolved",
                       CAST({RollupSql.Sum("ResolvedFirstContact")} AS BIGINT) AS "ResolvedFirstContact", CAST({RollupSql.Sum("Escalated")} AS BIGINT) AS "Escalated",
                       CAST({RollupSql.Sum("Abandoned")} AS BIGINT) AS "Abandoned", CAST({RollupSql.Sum("WithFirstResponse")} AS BIGINT) AS "WithFirstResponse",
                       CAST({RollupSql.Sum("WithinDefaultSla")} AS BIGINT) AS "WithinSla",
                       CAST({RollupSql.Sum("FirstResponseMicros")} AS DOUBLE PRECISION) AS "FirstResponseMicros",
                       CAST({RollupSql.Sum("ResolutionMicros")} AS DOUBLE PRECISION) AS "ResolutionMicros"
                {q.FromWhere}
                GROUP BY 1, 2
                {RollupSql.Having}
                """;
            rows.AddRange(await db.Database.SqlQueryRaw<InteractionAggregate>(sql, q.Args).ToListAsync(ct));
        }
        return rows;
    }

    /// <summary>Counts per log-histogram bin of first-response (Which = 0) and resolution (Which = 1) durations.</summary>
    public async Task<List<DurationBinCount>> InteractionDurationBinsAsync(CountScope scope, double slaSeconds, CancellationToken ct)
    {
        var (plan, view) = Plan(scope, Sources.Interactions, rollupsAnswer: IsDefaultSla(slaSeconds));
        var rows = new List<DurationBinCount>();
        if (plan.Raw.Count > 0)
        {
            var q = new CountSql(Sources.Interactions, scope, plan.Raw, _dialect);
            var sql = $"""
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", 0 AS "Which", r."FirstResponseBin" AS "Bin", COUNT(*) AS "Count"
                {q.FromWhere} AND r."FirstResponseBin" IS NOT NULL
                GROUP BY 1, 2, 3, 4
                UNION ALL
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", 1 AS "Which", r."ResolutionBin" AS "Bin", COUNT(*) AS "Count"
                {q.FromWhere} AND r."ResolutionBin" IS NOT NULL
                GROUP BY 1, 2, 3, 4
                """;
            rows.AddRange(await db.Database.SqlQueryRaw<DurationBinCount>(sql, q.Args).ToListAsync(ct));
        }
        if (view is not null && plan.Slots.Count > 0)
        {
            var q = new RollupSql("InteractionBinRollups", view, scope, plan);
            var sql = $"""
                {q.With}
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", r."Which", r."Bin", CAST({RollupSql.Sum("Count")} AS BIGINT) AS "Count"
                {q.FromWhere}
                GROUP BY 1, 2, 3, 4
                {RollupSql.Having}
                """;
            rows.AddRange(await db.Database.SqlQueryRaw<DurationBinCount>(sql, q.Args).ToListAsync(ct));
        }
        return rows;
    }

    private static bool IsDefaultSla(double slaSeconds) => Math.Abs(slaSeconds - InteractionCalculator.DefaultSlaSeconds) < 1e-9;

    /// <summary>Which rollup rows can answer the scope (null: none can), and how the period splits.</summary>
    private (TimeSegments Plan, RollupView? View) Plan(CountScope scope, Source source, bool rollupsAnswer)
    {
        var view = rollupsAnswer && options.Value.UseRollups ? RollupView.For(scope, source) : null;
        return view is null
            ? (TimeSegments.AllRaw(scope.FromMicros, scope.ToMicros), null)
            : (TimeSegments.Plan(scope.FromMicros, scope.ToMicros, scope.Boundaries), view);
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
    /// The rollup rows that answer a scope: those of one dimension (or the total), which requires at most
    /// one dimension besides surveyId across filters and groupBy, and no set of tags a response could
    /// match twice.
    /// </summary>
    private sealed record RollupView(Dimension? Rows)
    {
        public static RollupView? For(CountScope scope, Source source)
        {
            var filtered = scope.Filters.Where(f => f.Key != Dimension.SurveyId && f.Value.Count > 0).Select(f => f.Key).ToList();
            if (filtered.Count > 1) return null;
            Dimension? filter = filtered.Count == 1 ? filtered[0] : null;
            var group = scope.GroupBy == Dimension.SurveyId ? null : scope.GroupBy;
            if (filter == Dimension.Tag && (scope.Filters[Dimension.Tag].Count > 1 || group == Dimension.Tag)) return null;
            if (filter is not null && group is not null && filter != group) return null;
            if (scope.GroupBy == Dimension.SurveyId && !source.Columns.ContainsKey(Dimension.SurveyId)) return null;
            return new RollupView(filter ?? group);
        }

        public string Name => Rows is { } d ? JsonName(d) : "";
    }

    private static string JsonName(Dimension d) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(d.ToString());

    /// <summary>Parameters ({0}, {1}, …) for values; only integers computed here (boundaries, times) are written inline.</summary>
    private abstract class SqlBuilder
    {
        private readonly List<object> _args = [];
        protected readonly List<string> Conditions = [];

        public object[] Args => [.. _args];

        public void Where(string condition) => Conditions.Add(condition);

        public string Param(object value)
        {
            _args.Add(value);
            return $"{{{_args.Count - 1}}}";
        }

        protected string List(IEnumerable<string> values) => string.Join(", ", values.Select(Param));

        protected static string Ranges(string column, IEnumerable<TimeRange> ranges) =>
            "(" + string.Join(" OR ", ranges.Select(r => $"({column} >= {Int(r.From)} AND {column} < {Int(r.To)})")) + ")";

        protected static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A balanced CASE over the boundaries: each row finds its bucket in ⌈log₂ n⌉ comparisons.</summary>
        protected static string BucketOf(string time, IReadOnlyList<long>? boundaries) =>
            boundaries is { Count: > 2 } b ? Tree(time, b, 0, b.Count - 2) : "0";

        private static string Tree(string time, IReadOnlyList<long> boundaries, int first, int last)
        {
            if (first == last) return first.ToString(CultureInfo.InvariantCulture);
            var mid = (first + last + 1) / 2;
            return new StringBuilder("CASE WHEN ").Append(time).Append(" < ").Append(Int(boundaries[mid]))
                .Append(" THEN ").Append(Tree(time, boundaries, first, mid - 1))
                .Append(" ELSE ").Append(Tree(time, boundaries, mid, last)).Append(" END").ToString();
        }
    }

    /// <summary>FROM/WHERE, group key and bucket of a count over the records themselves.</summary>
    private sealed class CountSql : SqlBuilder
    {
        private readonly string _from;

        public CountSql(Source source, CountScope scope, IReadOnlyList<TimeRange> ranges, SqlDialect dialect)
        {
            var time = $"r.\"{source.Time}\"";
            Conditions.Add(Ranges(time, ranges));
            foreach (var (dimension, values) in scope.Filters)
            {
                if (values.Count == 0) continue;
                var column = $"r.\"{Column(source, dimension)}\"";
                Conditions.Add(dimension == Dimension.Tag ? dialect.AnyTag(column, List(values)) : $"{column} IN ({List(values)})");
            }

            _from = $"FROM \"{source.Table}\" r";
            if (scope.GroupBy is { } group)
            {
                if (group == Dimension.Tag)
                {
                    _from += dialect.EachTag($"r.\"{Column(source, group)}\"", "g");
                    GroupKey = "g.value";
                }
                else GroupKey = $"r.\"{Column(source, group)}\"";
            }
            Bucket = BucketOf(time, scope.Boundaries);
        }

        public string GroupKey { get; } = "NULL";
        public string Bucket { get; }
        public string FromWhere => $"{_from}\nWHERE {string.Join(" AND ", Conditions)}";

        private static string Column(Source source, Dimension dimension) =>
            source.Columns.TryGetValue(dimension, out var c) ? c : throw new ArgumentException($"{source.Table} have no {dimension} dimension.");
    }

    /// <summary>
    /// The slot ranges as a small table joined to the rollup rows: each range is one index seek
    /// (dimension, value, slot size, start) and carries its bucket and sign, so a trend over a year of
    /// weeks in any whole-hour time zone costs one seek per range and value. Grouping by a dimension
    /// first lists its values by skipping through the index (one seek per value), so that the seeks
    /// can name them.
    /// </summary>
    private sealed class RollupSql : SqlBuilder
    {
        private readonly string _table;
        private readonly List<string> _ctes = [];

        public RollupSql(string table, RollupView view, CountScope scope, TimeSegments plan, SurveyKind? kind = null)
        {
            _table = table;
            var ranges = string.Join(",\n  ", plan.Slots.Select(s => $"({Int(s.From)}, {Int(s.To)}, {Int(s.Bucket)}, {Int(s.SlotSeconds)}, {Int(s.Sign)})"));
            _ctes.Add($"s(\"FromMicros\", \"ToMicros\", \"Bucket\", \"SlotSeconds\", \"Sign\") AS (VALUES\n  {ranges})");
            Conditions.Add("r.\"SlotSeconds\" = s.\"SlotSeconds\" AND r.\"SlotStartMicros\" >= s.\"FromMicros\" AND r.\"SlotStartMicros\" < s.\"ToMicros\"");

            // The leading key columns: kind (responses), dimension.
            var leading = new List<string>();
            if (kind is { } k) leading.Add($"\"Kind\" = {Param(EnumText<SurveyKind>.ToText(k))}");
            leading.Add($"\"Dimension\" = {Param(view.Name)}");
            Conditions.AddRange(leading.Select(c => "r." + c));

            if (view.Rows is null) Conditions.Add("r.\"Value\" = ''");
            else if (scope.Filters.TryGetValue(view.Rows.Value, out var values) && values.Count > 0)
                Conditions.Add($"r.\"Value\" IN ({List(values)})");
            else
            {
                var inX = string.Join(" AND ", leading.Select(c => "x." + c));
                _ctes.Add($"""
                    v("Value") AS (
                      SELECT MIN(x."Value") FROM "{table}" x WHERE {inX}
                      UNION ALL
                      SELECT (SELECT MIN(x."Value") FROM "{table}" x WHERE {inX} AND x."Value" > v."Value") FROM v WHERE v."Value" IS NOT NULL)
                    """);
                Conditions.Add("r.\"Value\" IN (SELECT \"Value\" FROM v WHERE \"Value\" IS NOT NULL)");
            }
            if (scope.Filters.TryGetValue(Dimension.SurveyId, out var surveys) && surveys.Count > 0)
                Conditions.Add($"r.\"SurveyId\" IN ({List(surveys)})");

            GroupKey = scope.GroupBy switch
            {
                null => "NULL",
                Dimension.SurveyId => "r.\"SurveyId\"",
                _ => "NULLIF(r.\"Value\", '')",
            };
        }

        public string GroupKey { get; }
        public string Bucket => "s.\"Bucket\"";

        /// <summary>A signed sum of a rollup column: ranges taken away subtract.</summary>
        public static string Sum(string column) => $"SUM(r.\"{column}\" * s.\"Sign\")";

        /// <summary>Drops groups whose records all lay in hours taken away.</summary>
        public static string Having => $"HAVING {Sum("Count")} <> 0";

        /// <summary>Goes before SELECT: the slot ranges (and the values of a grouping).</summary>
        public string With => "WITH RECURSIVE " + string.Join(",\n", _ctes);

        /// <summary>The ranges drive the join (SQLite keeps the CROSS JOIN order; PostgreSQL plans it).</summary>
        public string FromWhere => $"FROM s CROSS JOIN \"{_table}\" r\nWHERE {string.Join(" AND ", Conditions)}";
    }
}
