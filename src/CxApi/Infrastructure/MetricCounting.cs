using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure.Records;
using CxApi.Infrastructure.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace CxApi.Infrastructure;

/// <summary>
/// Counts in the database (GROUP BY with COUNT and SUM), returning one row per group × bucket × score,
/// never the records. Whole UTC hours and days come from the rollups, which cost O(slots × groups)
/// however many records there are; only the unaligned edges of the period, and queries the rollups
/// cannot answer (two dimensions at once, several tags, a half-hour time zone, a custom SLA), read
/// the records themselves. Before a kind's purge horizon (see <see cref="PurgedBeforeAsync"/>) no records
/// are left, so that part comes from the rollups in whole hours.
/// </summary>
public sealed class MetricCounting(MetricsReadDatabase reads, IOptions<MetricsOptions> options)
{
    private readonly CxDbContext db = reads.Db;
    private readonly SqlDialect _dialect = SqlDialect.For(reads.Db.Database);
    private IReadOnlyDictionary<string, long>? _horizons;

    /// <summary>The column that leads the response rollup's key (each survey kind's rows lie together), and its values.</summary>
    private static readonly (string Column, string[] Values) SurveyKinds = ("Kind", [.. Enum.GetValues<SurveyKind>().Select(EnumText<SurveyKind>.ToText)]);

    public bool UsesRollups => options.Value.UseRollups;

    /// <summary>The change counters of some services' days (<see cref="FigureVersions.ReadAsync"/>), from the database metrics read.</summary>
    public Task<(long Everything, Dictionary<string, List<(long Day, long Version)>> Days)> FigureVersionsAsync(
        IReadOnlyCollection<string>? services, long from, long to, CancellationToken ct) => FigureVersions.ReadAsync(db, services, from, to, ct);

    /// <summary>How many responses of <paramref name="kind"/> gave each score (SUS: each SUS score).</summary>
    public async Task<List<ScoreCount>> ResponsesAsync(SurveyKind kind, CountScope scope, CancellationToken ct) =>
        (await CountsAsync(RecordKinds.Responses, 0, scope, (SurveyKinds.Column, EnumText<SurveyKind>.ToText(kind)), ct))
            .ConvertAll(r => new ScoreCount(r.GroupKey, r.Bucket, r.Key1, r.Count));

    /// <summary>How many reviews gave each star rating.</summary>
    public async Task<List<ScoreCount>> ReviewsAsync(CountScope scope, CancellationToken ct) =>
        (await CountsAsync(RecordKinds.Reviews, 0, scope, null, ct)).ConvertAll(r => new ScoreCount(r.GroupKey, r.Bucket, r.Key1, r.Count));

    /// <summary>Interaction totals and duration sums per group and bucket.</summary>
    public async Task<List<InteractionAggregate>> InteractionsAsync(CountScope scope, double slaSeconds, CancellationToken ct) =>
        (await SumsAsync(RecordKinds.Interactions, 0, scope, slaSeconds, ct)).ConvertAll(r => new InteractionAggregate(
            r.GroupKey, r.Bucket, (long)r.Sums[0], (long)r.Sums[1], (long)r.Sums[2], (long)r.Sums[3], (long)r.Sums[4], (long)r.Sums[5],
            (long)r.Sums[6], r.Sums[7], r.Sums[8]));

    /// <summary>Counts per log-histogram bin of first-response (Which = 0) and resolution (Which = 1) durations.</summary>
    public async Task<List<DurationBinCount>> InteractionDurationBinsAsync(CountScope scope, double slaSeconds, CancellationToken ct) =>
        (await CountsAsync(RecordKinds.Interactions, 1, scope, null, ct, IsDefaultSla(slaSeconds)))
            .ConvertAll(r => new DurationBinCount(r.GroupKey, r.Bucket, (int)r.Key1, (int)r.Key2, r.Count));

    /// <summary>
    /// How many records of <paramref name="kind"/> each of <paramref name="values"/> of a rolled-up, single-valued
    /// dimension has per whole UTC hour in <c>[fromHour, toHour)</c>: one range read per value of the hourly rows of the
    /// kind's first rollup, in which every record counts once. Null when rollups are switched off (count otherwise).
    /// </summary>
    public async Task<List<HourCount>?> HourlyCountsAsync(RecordKind kind, string dimension, IReadOnlyList<string> values, long fromHour, long toHour,
        CancellationToken ct)
    {
        if (!options.Value.UseRollups) return null;
        if (kind.Dimension(dimension) is not { InRollupKey: true, MultiValued: false })
            throw new ArgumentException($"{kind.Name} have no rolled-up single-valued dimension {dimension}.", nameof(dimension));
        if (fromHour % TimeSegments.Hour != 0 || toHour % TimeSegments.Hour != 0)
            throw new ArgumentException("Hourly counts start and end on whole hours.", nameof(fromHour));
        if (values.Count == 0 || toHour <= fromHour) return [];
        var q = new PlainSql();
        // Responses' rows lead with the survey kind: naming every kind makes the read a few index ranges, not a scan.
        var leading = kind == RecordKinds.Responses ? $"r.\"{SurveyKinds.Column}\" IN ({q.Values(SurveyKinds.Values)}) AND " : "";
        var sql = $"""
            SELECT r."Value", r."SlotStartMicros", CAST(SUM(r."Count") AS BIGINT) AS "Count"
            FROM "{kind.Rollups[0].Name}" r
            WHERE {leading}r."Dimension" = {q.Param(dimension)} AND r."Value" IN ({q.Values(values)}) AND r."SlotSeconds" = {TimeSegments.Hour / 1_000_000}
              AND r."SlotStartMicros" >= {fromHour} AND r."SlotStartMicros" < {toHour}
            GROUP BY r."Value", r."SlotStartMicros"
            """;
        static HourCount Read(DbDataReader r) => new(r.GetString(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture));
        return await QueryAsync(sql, q.Args, Read, ct);
    }

    /// <summary>
    /// Whether any record of <paramref name="kind"/> (of one survey kind, for responses) with one of <paramref name="values"/>
    /// of a rolled-up single-valued dimension lies in the UTC days that <c>[from, to)</c> touches, from the daily rollup rows:
    /// one seek per value. False lets a count be skipped: it would be empty. Null when rollups are off.
    /// </summary>
    public async Task<bool?> AnyRecordsAsync(RecordKind kind, SurveyKind? surveyKind, string dimension, IReadOnlyList<string> values, long from,
        long to, CancellationToken ct)
    {
        if (!options.Value.UseRollups) return null;
        if (values.Count == 0 || to <= from) return false;
        var q = new PlainSql();
        var partition = surveyKind is { } k ? $"r.\"{SurveyKinds.Column}\" = {q.Param(EnumText<SurveyKind>.ToText(k))} AND " : "";
        var sql = $"""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM "{kind.Rollups[0].Name}" r
              WHERE {partition}r."Dimension" = {q.Param(dimension)} AND r."Value" IN ({q.Values(values)}) AND r."SlotSeconds" = {TimeSegments.Day / 1_000_000}
                AND r."SlotStartMicros" >= {TimeSegments.Floor(from, TimeSegments.Day)} AND r."SlotStartMicros" < {to}) THEN 1 ELSE 0 END
            """;
        return (await QueryAsync(sql, q.Args, r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), ct))[0] == 1;
    }

    /// <summary>
    /// The values <paramref name="dimension"/> takes in <paramref name="kind"/>'s first rollup (any time), skipping
    /// through its key: one seek per value (and survey kind), however many rows each value has. Null when rollups are off.
    /// </summary>
    public async Task<List<string>?> RolledUpValuesAsync(RecordKind kind, string dimension, CancellationToken ct)
    {
        if (!options.Value.UseRollups) return null;
        var q = new PlainSql();
        var d = q.Param(dimension);
        var table = kind.Rollups[0].Name;
        // Responses' rows lead with the survey kind: the skip runs within each kind.
        var responses = kind == RecordKinds.Responses;
        var partitions = responses ? $"(VALUES {string.Join(", ", SurveyKinds.Values.Select(v => $"({q.Param(v)})"))})" : "(VALUES (''))";
        string Within(string partition) => responses ? $" AND x.\"{SurveyKinds.Column}\" = {partition}" : "";
        var sql = $"""
            WITH RECURSIVE v("Partition", "Value") AS (
              SELECT p.column1, (SELECT MIN(x."Value") FROM "{table}" x WHERE x."Dimension" = {d}{Within("p.column1")}) FROM {partitions} p
              UNION ALL
              SELECT v."Partition", (SELECT MIN(x."Value") FROM "{table}" x WHERE x."Dimension" = {d}{Within("v.\"Partition\"")} AND x."Value" > v."Value")
              FROM v WHERE v."Value" IS NOT NULL)
            SELECT DISTINCT "Value" FROM v WHERE "Value" IS NOT NULL AND "Value" <> ''
            """;
        return await QueryAsync(sql, q.Args, r => r.GetString(0), ct);
    }

    /// <summary>
    /// The start of the UTC day before which the retention job has purged <paramref name="kind"/>'s records (null: none
    /// purged). Read once per request, from the database the counts come from.
    /// </summary>
    public async Task<long?> PurgedBeforeAsync(RecordKind kind, CancellationToken ct) =>
        (_horizons ??= await PurgeHorizons.ReadAsync(db, ct)).TryGetValue(kind.Name, out var horizon) ? horizon : null;

    private sealed class PlainSql : SqlBuilder
    {
        public string Values(IEnumerable<string> values) => List(values);
    }

    private sealed record KeyedCount(string? GroupKey, int Bucket, double Key1, double Key2, long Count);

    private sealed record SumRow(string? GroupKey, int Bucket, double[] Sums);

    /// <summary>
    /// Counts per group, bucket and the table's numeric keys (score, rating, histogram bin) from one count rollup of
    /// <paramref name="kind"/>, restricted to the records whose text key column has the given value (a survey kind).
    /// </summary>
    private async Task<List<KeyedCount>> CountsAsync(RecordKind kind, int rollup, CountScope scope, (string Column, string Value)? partition,
        CancellationToken ct, bool rollupsAnswer = true)
    {
        var table = kind.Rollups[rollup];
        var numeric = table.Keys.Select((k, i) => (k, i)).Where(x => x.k.Slot >= RollupSlot.Number1).Select(x => x.i).ToList();
        string Keys(Func<int, string> column) =>
            string.Concat(Enumerable.Range(0, 2).Select(n => $", CAST({(n < numeric.Count ? column(numeric[n]) : "0")} AS DOUBLE PRECISION) AS \"Key{n + 1}\""));
        var groupBy = string.Join(", ", Enumerable.Range(1, 4));
        static KeyedCount Read(DbDataReader r) => new(Text(r, 0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToDouble(r.GetValue(2), CultureInfo.InvariantCulture), Convert.ToDouble(r.GetValue(3), CultureInfo.InvariantCulture),
            Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture));

        var (plan, view) = Plan(scope, kind, table, rollupsAnswer, await PurgedBeforeAsync(kind, ct));
        var rows = new List<KeyedCount>();
        if (plan.Raw.Count > 0)
        {
            var q = new CountSql(kind, scope, plan.Raw, _dialect);
            if (partition is { } p) q.Where($"r.\"{p.Column}\" = {q.Param(p.Value)}");
            var selects = table.Facets.Select(facet => $"""
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket"{Keys(i => facet.KeySql[i])}, COUNT(*) AS "Count"
                {q.FromWhere}{(facet.WhereSql is null ? "" : $" AND {facet.WhereSql}")}
                GROUP BY {groupBy}
                """);
            rows.AddRange(await QueryAsync(q.With + string.Join("\nUNION ALL\n", selects), q.Args, Read, ct));
        }
        if (view is not null && plan.Slots.Count > 0)
        {
            var q = new RollupSql(kind, table, view, scope, plan, partition, _dialect);
            var sql = $"""
                {q.With}
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket"{Keys(i => $"r.\"{table.Keys[i].Column}\"")}, CAST({RollupSql.Sum("Count")} AS BIGINT) AS "Count"
                {q.FromWhere}
                GROUP BY {groupBy}
                {RollupSql.Having}
                """;
            rows.AddRange(await QueryAsync(sql, q.Args, Read, ct));
        }
        return rows;
    }

    /// <summary>The sums of a sum rollup's measures per group and bucket (with a custom SLA, from the records).</summary>
    private async Task<List<SumRow>> SumsAsync(RecordKind kind, int rollup, CountScope scope, double slaSeconds, CancellationToken ct)
    {
        var table = kind.Rollups[rollup];
        SumRow Read(DbDataReader r) => new(Text(r, 0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture),
            [.. table.Measures.Select((_, i) => Convert.ToDouble(r.GetValue(2 + i), CultureInfo.InvariantCulture))]);

        var (plan, view) = Plan(scope, kind, table, IsDefaultSla(slaSeconds), await PurgedBeforeAsync(kind, ct));
        var rows = new List<SumRow>();
        if (plan.Raw.Count > 0)
        {
            var q = new CountSql(kind, scope, plan.Raw, _dialect);
            var sla = (long)Math.Round(slaSeconds * 1e6);
            var sums = string.Join(", ", table.Measures.Select(m => $"CAST(SUM({m.SqlWithSla(sla)}) AS DOUBLE PRECISION) AS \"{m.Column}\""));
            var sql = $"""
                {q.With}SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", {sums}
                {q.FromWhere}
                GROUP BY 1, 2
                """;
            rows.AddRange(await QueryAsync(sql, q.Args, Read, ct));
        }
        if (view is not null && plan.Slots.Count > 0)
        {
            var q = new RollupSql(kind, table, view, scope, plan, null, _dialect);
            var sums = string.Join(", ", table.Measures.Select(m => $"CAST({RollupSql.Sum(m.Column)} AS DOUBLE PRECISION) AS \"{m.Column}\""));
            var sql = $"""
                {q.With}
                SELECT {q.GroupKey} AS "GroupKey", {q.Bucket} AS "Bucket", {sums}
                {q.FromWhere}
                GROUP BY 1, 2
                {RollupSql.Having}
                """;
            rows.AddRange(await QueryAsync(sql, q.Args, Read, ct));
        }
        return rows;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Runs a counting statement (parameters @p0, @p1, …) on the context's connection and reads each row.</summary>
    private async Task<List<T>> QueryAsync<T>(string sql, object[] args, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var open = connection.State == ConnectionState.Open;
        if (!open) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            for (var i = 0; i < args.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                parameter.Value = args[i];
                command.Parameters.Add(parameter);
            }
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            if (!open) await db.Database.CloseConnectionAsync();
        }
    }

    private static bool IsDefaultSla(double slaSeconds) => Math.Abs(slaSeconds - InteractionCalculator.DefaultSlaSeconds) < 1e-9;

    /// <summary>
    /// Which rollup rows can answer the scope (null: none can), and how the period splits. When none can, a purged
    /// part is counted from the records too: what is left of them (the body says <c>recordsPurged</c>).
    /// </summary>
    private (TimeSegments Plan, RollupView? View) Plan(CountScope scope, RecordKind kind, RollupTable table, bool rollupsAnswer, long? purgedBefore)
    {
        var view = rollupsAnswer && options.Value.UseRollups ? RollupView.For(scope, kind, table) : null;
        return view is null
            ? (TimeSegments.AllRaw(scope.FromMicros, scope.ToMicros), null)
            : (TimeSegments.Plan(scope.FromMicros, scope.ToMicros, scope.Boundaries, purgedBefore), view);
    }

    /// <summary>
    /// The rollup rows that answer a scope: those of one dimension (or the total), which requires at most one
    /// rolled-up dimension across filters and groupBy (a dimension kept as a key column of its own, such as a
    /// response's survey, filters and groups freely), and no set of list values a record could match twice.
    /// </summary>
    private sealed record RollupView(RecordDimension? Rows)
    {
        public static RollupView? For(CountScope scope, RecordKind kind, RollupTable table)
        {
            bool OwnColumn(RecordDimension d) => table.Keys.Any(k => k.Column == d.Property);
            var filtered = scope.Filters.Where(f => f.Value.Count > 0).Select(f => kind.Dimension(f.Key)!).ToList();
            if (filtered.Any(d => !d.InRollupKey && !OwnColumn(d))) return null;
            var rolled = filtered.Where(d => d.InRollupKey).ToList();
            if (rolled.Count > 1) return null;
            var filter = rolled.SingleOrDefault();
            var grouped = scope.GroupBy is { } g ? kind.Dimension(g)! : null;
            if (grouped is { InRollupKey: false } && !OwnColumn(grouped)) return null;
            var group = grouped is { InRollupKey: true } ? grouped : null;
            if (filter is { MultiValued: true } && (scope.Filters[filter.Name].Count > 1 || group == filter)) return null;
            if (filter is not null && group is not null && filter != group) return null;
            return new RollupView(filter ?? group);
        }

        public string Name => Rows?.Name ?? "";
    }

    /// <summary>Parameters (@p0, @p1, …) for values; only integers computed here (boundaries, times) are written inline.</summary>
    private abstract class SqlBuilder
    {
        private readonly List<object> _args = [];
        protected readonly List<string> Conditions = [];

        public object[] Args => [.. _args];

        public void Where(string condition) => Conditions.Add(condition);

        public string Param(object value)
        {
            _args.Add(value);
            return $"@p{_args.Count - 1}";
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

    /// <summary>
    /// FROM/WHERE, group key and bucket of a count over the records themselves. A few time ranges are conditions; many
    /// (the hour around each unaligned bucket boundary) are a small table that drives the read, each range one index
    /// range scan: as conditions, a planner would rather walk every record of the filtered service and test them all.
    /// </summary>
    private sealed class CountSql : SqlBuilder
    {
        private const int MostRangesAsConditions = 2;
        private readonly SqlDialect _dialect;
        private readonly string _table;
        private readonly string _join = "";

        public CountSql(RecordKind kind, CountScope scope, IReadOnlyList<TimeRange> ranges, SqlDialect dialect)
        {
            _dialect = dialect;
            _table = kind.Table;
            var time = $"r.\"{kind.TimeColumn}\"";
            if (ranges.Count <= MostRangesAsConditions) Conditions.Add(Ranges(time, ranges));
            else
            {
                With = $"WITH s(\"FromMicros\", \"ToMicros\") AS (VALUES {string.Join(", ", ranges.Select(r => $"({Int(r.From)}, {Int(r.To)})"))})\n";
                Conditions.Add($"{time} >= s.\"FromMicros\" AND {time} < s.\"ToMicros\"");
            }
            foreach (var (name, values) in scope.Filters)
            {
                if (values.Count == 0) continue;
                var dimension = Of(kind, name);
                var column = $"r.\"{dimension.Property}\"";
                Conditions.Add(dimension.MultiValued ? dialect.AnyTag(column, List(values)) : $"{column} IN ({List(values)})");
            }

            if (scope.GroupBy is { } group)
            {
                var dimension = Of(kind, group);
                if (dimension.MultiValued)
                {
                    _join = dialect.EachTag($"r.\"{dimension.Property}\"", "g");
                    GroupKey = "g.value";
                }
                else GroupKey = $"r.\"{dimension.Property}\"";
            }
            Bucket = BucketOf(time, scope.Boundaries);
        }

        /// <summary>Goes before SELECT: the time ranges, when they are a table.</summary>
        public string With { get; } = "";
        public string GroupKey { get; } = "NULL";
        public string Bucket { get; }
        public string FromWhere => With.Length == 0
            ? $"FROM \"{_table}\" r{_join}\nWHERE {string.Join(" AND ", Conditions)}"
            : _dialect.RangesJoin(_table, string.Join(" AND ", Conditions), _join);

        private static RecordDimension Of(RecordKind kind, string name) =>
            kind.Dimension(name) ?? throw new ArgumentException($"{kind.Name} have no {name} dimension.");
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

        private readonly SqlDialect _dialect;

        public RollupSql(RecordKind kind, RollupTable rollup, RollupView view, CountScope scope, TimeSegments plan,
            (string Column, string Value)? partition, SqlDialect dialect)
        {
            _dialect = dialect;
            var table = _table = rollup.Name;
            var ranges = string.Join(",\n  ", plan.Slots.Select(s => $"({Int(s.From)}, {Int(s.To)}, {Int(s.Bucket)}, {Int(s.SlotSeconds)}, {Int(s.Sign)})"));
            _ctes.Add($"s(\"FromMicros\", \"ToMicros\", \"Bucket\", \"SlotSeconds\", \"Sign\") AS (VALUES\n  {ranges})");
            Conditions.Add("r.\"SlotSeconds\" = s.\"SlotSeconds\" AND r.\"SlotStartMicros\" >= s.\"FromMicros\" AND r.\"SlotStartMicros\" < s.\"ToMicros\"");

            // The leading key columns: the partition (a survey kind), the dimension.
            var leading = new List<string>();
            if (partition is { } p) leading.Add($"\"{p.Column}\" = {Param(p.Value)}");
            leading.Add($"\"Dimension\" = {Param(view.Name)}");
            Conditions.AddRange(leading.Select(c => "r." + c));

            if (view.Rows is null) Conditions.Add("r.\"Value\" = ''");
            else if (scope.Filters.TryGetValue(view.Rows.Name, out var values) && values.Count > 0)
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
            // Dimensions kept as key columns of their own (a response's survey) filter and group on that column.
            var own = rollup.Keys.Select(k => k.Column).ToHashSet();
            foreach (var (name, filter) in scope.Filters)
                if (filter.Count > 0 && name != view.Rows?.Name && Column(name) is { } column && own.Contains(column))
                    Conditions.Add($"r.\"{column}\" IN ({List(filter)})");

            GroupKey = scope.GroupBy is not { } g ? "NULL"
                : g == view.Rows?.Name ? "NULLIF(r.\"Value\", '')"
                : $"r.\"{Column(g)}\"";

            string? Column(string name) => kind.Dimension(name) is { InRollupKey: false } d ? d.Property : null;
        }

        public string GroupKey { get; }
        public readonly string Bucket = "s.\"Bucket\"";

        /// <summary>A signed sum of a rollup column: ranges taken away subtract.</summary>
        public static string Sum(string column) => $"SUM(r.\"{column}\" * s.\"Sign\")";

        /// <summary>Drops groups whose records all lay in hours taken away.</summary>
        public static string Having => $"HAVING {Sum("Count")} <> 0";

        /// <summary>Goes before SELECT: the slot ranges (and the values of a grouping).</summary>
        public string With => "WITH RECURSIVE " + string.Join(",\n", _ctes);

        /// <summary>The ranges drive the join: each is one index range scan of the rollup table.</summary>
        public string FromWhere => _dialect.RangesJoin(_table, string.Join(" AND ", Conditions));
    }
}
