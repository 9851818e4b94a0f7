using System.Collections.Concurrent;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxApi.Infrastructure;

/// <summary>
/// Stores records already known to be new, with their rollups, in the caller's transaction — the
/// ingest hot path. On SQLite one statement per table is prepared once and run per row (EF would build,
/// prepare and bind by name a statement per row); columns and value conversions come from the EF model,
/// so the rows are exactly what EF would write. Elsewhere it is a plain SaveChanges.
/// </summary>
public static class RecordInserter
{
    /// <summary>
    /// Rows ready to insert: values converted and rollup deltas summed before the transaction begins, so
    /// that the write lock is held only to bind, step and commit.
    /// </summary>
    public sealed class Prepared
    {
        internal List<Table> Tables { get; } = [];
        internal RollupDeltas Deltas { get; } = new();
        public required IReadOnlyCollection<RecordEntity> Records { get; init; }
    }

    internal sealed record Table(string Sql, string Resource, int ChangeSeqColumn, List<RecordEntity> Records, List<object?[]> Rows);

    private sealed record Column(string Name, Func<object, object?> Value);

    private static readonly ConcurrentDictionary<IEntityType, (string Sql, List<Column> Columns)> Statements = new();

    public static Prepared Prepare(CxDbContext db, IReadOnlyCollection<RecordEntity> records)
    {
        var prepared = new Prepared { Records = records };
        if (!db.Database.IsSqlite()) return prepared; // SaveChanges does it all
        foreach (var group in records.GroupBy(r => r.GetType()))
        {
            var (sql, columns) = Statements.GetOrAdd(db.Model.FindEntityType(group.Key)!, Statement);
            var list = group.ToList();
            prepared.Tables.Add(new Table(sql, ChangeLog.ResourceOf(group.Key), columns.FindIndex(c => c.Name == nameof(RecordEntity.ChangeSeq)),
                list, list.ConvertAll(r => columns.Select(c => c.Value(r)).ToArray())));
            foreach (var record in list) prepared.Deltas.Add(record, +1);
        }
        return prepared;
    }

    public static async Task InsertAsync(CxDbContext db, Prepared prepared, CancellationToken ct)
    {
        if (prepared.Records.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("RecordInserter runs inside the caller's transaction.");
        if (!db.Database.IsSqlite())
        {
            db.AddRange(prepared.Records);
            await db.SaveChangesAsync(ct); // change numbers and rollups follow in the same transaction
            return;
        }

        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        foreach (var table in prepared.Tables)
        {
            var next = await ChangeLog.ReserveAsync(db, table.Resource, table.Rows.Count, ct);
            for (var i = 0; i < table.Rows.Count; i++, next++)
            {
                table.Records[i].ChangeSeq = next;
                table.Rows[i][table.ChangeSeqColumn] = next;
            }
            SqliteStatements.Run(connection.Handle!, table.Sql, table.Rows);
        }
        if (await db.TrackInsertEffectsAsync(prepared.Records, ct)) await db.SaveChangesAsync(ct); // webhook outbox rows, only when subscribed
        await RollupStore.ApplyAsync(db, prepared.Deltas, ct);
    }

    private static (string, List<Column>) Statement(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Select(property =>
        {
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            return new Column(property.GetColumnName(table)!, entity =>
            {
                var value = getter.GetClrValue(entity);
                return value is null || converter is null ? value : converter.ConvertToProvider(value);
            });
        }).ToList();
        var sql = $"INSERT INTO \"{entityType.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                  $"VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        return (sql, columns);
    }
}
