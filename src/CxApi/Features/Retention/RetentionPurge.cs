using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using System.Data.Common;

namespace CxApi.Features.Retention;

/// <summary>
/// One pass of the retention job: for each record kind with a limit, the records whose own time lies before the start
/// of the UTC day of now − limit (the purge horizon, recorded per kind in <see cref="PurgeHorizonEntity"/>) are deleted
/// in batches of <see cref="RetentionOptions.BatchSize"/>, one transaction each, with a tombstone each in the changes
/// feed. The rollups are left alone: a purged period's metrics are answered from them. Passes may overlap (two
/// instances): each batch deletes what is there, and a record is deleted, and tombstoned, once.
/// </summary>
public sealed class RetentionPurge(CxDbContext db, TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionPurge> logger)
{
    private static readonly long LargestSlotMicros = RollupDeltas.SlotSizes.Max() * 1_000_000L;

    /// <summary>Purges every kind with a limit; returns how many records of each went (kinds without a limit are absent).</summary>
    public async Task<IReadOnlyDictionary<string, long>> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var purged = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var kind in RetainedKind.All)
        {
            if (options.Value.LimitOf(kind) is not { } limit) continue;
            var before = HorizonOf(now, limit);
            long count = 0;
            int batch;
            do
            {
                batch = await PurgeBatchAsync(kind, before, ct);
                count += batch;
            } while (batch == options.Value.BatchSize);
            purged[kind.Kind.Name] = count;
            if (count > 0)
                logger.LogInformation("Retention: purged {Count} {Resource} from before {Horizon:O}", count, kind.Kind.Name, UnixMicros.ToDateTimeOffset(before));
        }
        return purged;
    }

    /// <summary>
    /// The start of the largest rollup slot (the UTC day) holding now − limit: whole slots are purged, so no hourly or
    /// daily rollup row is half purged and a metric can take a purged period from the rollups exactly.
    /// </summary>
    public static long HorizonOf(DateTimeOffset now, TimeSpan limit) => TimeSegments.Floor(UnixMicros.From(now - limit), LargestSlotMicros);

    private async Task<int> PurgeBatchAsync(RetainedKind kind, long before, CancellationToken ct)
    {
        var resource = kind.Kind.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The horizon moves first, so that a rollup rebuild (which holds it still) never runs between it and the deletes.
        await ExecuteAsync("""
            INSERT INTO "PurgeHorizons" ("Resource", "BeforeMicros") VALUES (@resource, @before)
            ON CONFLICT ("Resource") DO UPDATE SET "BeforeMicros" = excluded."BeforeMicros" WHERE excluded."BeforeMicros" > "PurgeHorizons"."BeforeMicros"
            """, ct, ("@resource", resource), ("@before", before));
        // The change counter is locked before any record row, in the order the API's own deletes take them.
        await ChangeLog.ReserveAsync(db, resource, 0, ct);

        var deleted = await DeleteAsync(kind, before, ct);
        if (deleted.Count > 0)
        {
            var seq = await ChangeLog.ReserveAsync(db, resource, deleted.Count, ct);
            var at = UnixMicros.From(clock.GetUtcNow());
            db.AddRange(deleted.Select(d => new TombstoneEntity { Resource = resource, Seq = seq++, RecordId = d.Id, ClientId = d.ClientId, DeletedAtMicros = at }));
            await db.SaveChangesAsync(ct); // tombstones only: no record is tracked, so no rollup moves
            db.ChangeTracker.Clear();
            // The rollups stay, but a figure kept over the purged days may have read their records at a window's edge.
            await FigureVersions.BumpEverythingAsync(db, ct);
        }
        await transaction.CommitAsync(ct);
        return deleted.Count;
    }

    /// <summary>Deletes up to a batch of the kind's records from before <paramref name="before"/>; returns exactly those deleted.</summary>
    private async Task<List<(string Id, string ClientId)>> DeleteAsync(RetainedKind kind, long before, CancellationToken ct)
    {
        var (table, time) = (kind.Kind.Table, kind.Kind.TimeColumn);
        var kept = kind.KeptWhile is null ? "" : $" AND NOT {kind.KeptWhile}";
        // Only identifiers from the record kinds are interpolated; the values travel as parameters.
        await using var command = Command($"""
            DELETE FROM "{table}" WHERE "Id" IN (
              SELECT r."Id" FROM "{table}" r WHERE r."{time}" < @before{kept} LIMIT @limit)
            RETURNING "Id", "ClientId"
            """, ("@before", before), ("@limit", options.Value.BatchSize));
        var deleted = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) deleted.Add((reader.GetString(0), reader.GetString(1)));
        return deleted;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
