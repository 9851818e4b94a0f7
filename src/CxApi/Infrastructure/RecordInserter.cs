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
    public static async Task InsertAsync(CxDbContext db, IReadOnlyCollection<RecordEntity> records, CancellationToken ct)
    {
        if (records.Count == 0) return;
        if (db.Database.CurrentTransaction is not { } transaction)
            throw new InvalidOperationException("RecordInserter runs inside the caller's transaction.");
        if (!db.Database.IsSqlite())
        {
            db.AddRange(records);
            await db.SaveChangesAsync(ct); // rollups follow in the same transaction
            return;
        }

        var deltas = new RollupDeltas();
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        foreach (var group in records.GroupBy(r => r.GetType()))
        {
            var entityType = db.Model.FindEntityType(group.Key)!;
            var columns = Columns(entityType);
            var sql = $"INSERT INTO \"{entityType.GetTableName()}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                      $"VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
            SqliteStatements.Run(connection.Handle!, sql, group.Select(r => columns.Select(c => c.Value(r)).ToArray()));
            foreach (var record in group) deltas.Add(record, +1);
        }
        if (await db.TrackInsertEffectsAsync(records, ct)) await db.SaveChangesAsync(ct); // webhook outbox rows, only when subscribed
        await RollupStore.ApplyAsync(db, deltas, ct);
    }

    private sealed record Column(string Name, Func<object, object?> Value);

    private static List<Column> Columns(IEntityType entityType)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        return entityType.GetProperties().Select(property =>
        {
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            return new Column(property.GetColumnName(table)!, entity =>
            {
                var value = getter.GetClrValue(entity);
                return value is null || converter is null ? value : converter.ConvertToProvider(value);
            });
        }).ToList();
    }
}
