using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Paging;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Rollups;
using Microsoft.EntityFrameworkCore;
using System.Globalization;

namespace CxApi.Features.Customers;

/// <summary>
/// The risk signals in <c>[from, to)</c>, in SQL: each customer's latest NPS answer if a detractor (0–6), latest CSAT
/// answer if 1–2 (latest among that customer's answers of the kind in the period, ties by id), and every interaction
/// still open <paramref name="slaMicros"/> after it opened, dated when it passed that mark, and the customers listed in
/// at least <see cref="MinIncidents"/> incidents (maintenance left out) that started in the period, dated by the
/// latest of them. An ingest key sees only its own records, here as everywhere.
/// </summary>
public sealed class CustomerRisks(CxDbContext db, Caller caller, long from, long to, long slaMicros, long nowMicros)
{
    public const int MaxNpsDetractor = 6, MaxLowCsat = 2, MinIncidents = 2;

    private readonly List<object> _args = [];
    private readonly SqlDialect _dialect = SqlDialect.For(db.Database);

    /// <summary>Customers newest risk first (ties by id), after <paramref name="after"/>; one more than the page.</summary>
    public Task<List<AtRiskRow>> PageAsync(Cursor? after, int limit, CancellationToken ct)
    {
        _args.Clear();
        var flags = Flags();
        var keyset = after is { } c
            ? $"HAVING MAX(f.\"AtMicros\") < {Param(c.TimeMicros)} OR (MAX(f.\"AtMicros\") = {Param(c.TimeMicros)} AND f.\"CustomerId\" < {Param(c.Id)})"
            : "";
        var sql = $"""
            {flags}
            SELECT f."CustomerId" AS "Id", MAX(f."AtMicros") AS "LatestMicros"
            FROM "Flags" f
            GROUP BY f."CustomerId"
            {keyset}
            ORDER BY 2 DESC, 1 DESC
            LIMIT {Param(limit + 1)}
            """;
        return db.Database.SqlQueryRaw<AtRiskRow>(sql, [.. _args]).ToListAsync(ct);
    }

    /// <summary>Every risk signal of these customers.</summary>
    public async Task<List<RiskRow>> ReasonsAsync(IReadOnlyList<string> customerIds, CancellationToken ct)
    {
        if (customerIds.Count == 0) return [];
        _args.Clear();
        var flags = Flags();
        var sql = $"""
            {flags}
            SELECT f."CustomerId", f."AtMicros", f."Reason", f."RecordId", f."Score", f."OpenedAtMicros", f."Incidents"
            FROM "Flags" f
            WHERE f."CustomerId" IN ({string.Join(", ", customerIds.Select(id => Param(id)))})
            """;
        return await db.Database.SqlQueryRaw<RiskRow>(sql, [.. _args]).ToListAsync(ct);
    }

    private string Flags()
    {
        string Own(string alias) => caller.SeesAllRecords ? "" : $"AND {alias}.\"ClientId\" = {Param(caller.ClientId)}";
        string nps = Text(SurveyKind.Nps), csat = Text(SurveyKind.Csat);
        return $"""
            WITH "Flags" AS (
              SELECT r."CustomerId", r."RespondedAtMicros" AS "AtMicros",
                     CASE WHEN r."Kind" = {nps} THEN {Int(RiskReasonCode.NpsDetractor)} ELSE {Int(RiskReasonCode.LowCsat)} END AS "Reason",
                     r."Id" AS "RecordId", r."Score", CAST(NULL AS BIGINT) AS "OpenedAtMicros", CAST(NULL AS BIGINT) AS "Incidents"
              FROM "Responses" r
              WHERE r."CustomerId" IS NOT NULL AND r."RespondedAtMicros" >= {Param(from)} AND r."RespondedAtMicros" < {Param(to)} {Own("r")}
                AND ((r."Kind" = {nps} AND r."Score" <= {Int(MaxNpsDetractor)}) OR (r."Kind" = {csat} AND r."Score" <= {Int(MaxLowCsat)}))
                AND NOT EXISTS (
                  SELECT 1 FROM "Responses" o
                  WHERE o."CustomerId" = r."CustomerId" AND o."Kind" = r."Kind" {Own("o")}
                    AND o."RespondedAtMicros" >= r."RespondedAtMicros" AND o."RespondedAtMicros" < {Param(to)}
                    AND (o."RespondedAtMicros" > r."RespondedAtMicros" OR o."Id" > r."Id"))
              UNION ALL
              SELECT i."CustomerId", i."OpenedAtMicros" + {Param(slaMicros)}, {Int(RiskReasonCode.OpenPastSla)},
                     i."Id", CAST(NULL AS INTEGER), i."OpenedAtMicros", CAST(NULL AS BIGINT)
              FROM "Interactions" i
              WHERE i."Status" = {Text(InteractionStatus.Open)} AND i."CustomerId" IS NOT NULL {Own("i")}
                AND i."OpenedAtMicros" >= {Param(from - slaMicros)} AND i."OpenedAtMicros" < {Param(to - slaMicros)}
                AND i."OpenedAtMicros" <= {Param(nowMicros - slaMicros)}
              UNION ALL
              SELECT e."CustomerId", e."StartedAtMicros", {Int(RiskReasonCode.IncidentExposure)}, e."Id", CAST(NULL AS INTEGER),
                     CAST(NULL AS BIGINT), e."Incidents"
              FROM (
                SELECT c.value AS "CustomerId", i."StartedAtMicros", i."Id",
                       COUNT(*) OVER (PARTITION BY c.value) AS "Incidents",
                       ROW_NUMBER() OVER (PARTITION BY c.value ORDER BY i."StartedAtMicros" DESC, i."Id" DESC) AS "Newest"
                FROM "Incidents" i{_dialect.EachTag("i.\"CustomerIds\"", "c")}
                WHERE i."Impact" <> {Text(IncidentImpact.Maintenance)} {Own("i")}
                  AND i."StartedAtMicros" >= {Param(from)} AND i."StartedAtMicros" < {Param(to)}) e
              WHERE e."Incidents" >= {Int(MinIncidents)} AND e."Newest" = 1)
            """;
    }

    private string Param(object value)
    {
        _args.Add(value);
        return $"{{{_args.Count - 1}}}";
    }

    /// <summary>Enum names are fixed words of this code, written into the SQL as literals.</summary>
    private static string Text<TEnum>(TEnum value) where TEnum : struct, Enum => $"'{EnumText<TEnum>.ToText(value)}'";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Int(RiskReasonCode reason) => Int((int)reason);
}
