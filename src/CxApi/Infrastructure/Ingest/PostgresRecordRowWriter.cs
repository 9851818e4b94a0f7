using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using System.Collections.Concurrent;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// PostgreSQL: the rows go in one binary <c>COPY ... FROM STDIN</c> per table (one round trip, no SQL to parse or
/// plan per row) into a temporary table of the session, before the write's transaction begins; once the change numbers
/// are taken, one <c>INSERT ... SELECT</c> moves the rows into their table, numbered, without a byte more on the wire.
/// So the counter stays locked only while the server inserts, not while the rows travel. A few rows (a group commit's)
/// are copied straight into their table once numbered instead. Each value is written in its column's binary format,
/// named from the EF model's store type.
/// </summary>
public sealed class PostgresRecordRowWriter : IRecordRowWriter
{
    private sealed record Statements(string Stage, string CopyStaged, string InsertStaged, string Copy, NpgsqlDbType[] Types);

    private readonly ConcurrentDictionary<string, Statements> _statements = new();

    /// <summary>No queue: PostgreSQL takes writers concurrently, and one that waits for a row lock wakes when it is free.</summary>
    public ValueTask<IDisposable> TakeTurnAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable>(NoTurn.Instance);

    public async Task StageAsync(CxDbContext db, RecordTable table, CancellationToken ct)
    {
        if (!table.Staged) return;
        var statements = StatementsFor(table);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var create = new NpgsqlCommand(statements.Stage, connection)) await create.ExecuteNonQueryAsync(ct);
        table.Position();
        await CopyAsync(connection, statements.CopyStaged, statements.Types, table, ct);
    }

    public async Task WriteAsync(CxDbContext db, RecordTable table, CancellationToken ct)
    {
        var statements = StatementsFor(table);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (!table.Staged)
        {
            await CopyAsync(connection, statements.Copy, statements.Types, table, ct);
            return;
        }
        await using var insert = new NpgsqlCommand(statements.InsertStaged, connection);
        insert.Parameters.Add(new NpgsqlParameter<long>("first", table.Records[0].ChangeSeq));
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Nothing to give back: the staging table is emptied when it is next used, and the server holds its pages.</summary>
    public void Release(CxDbContext db, IReadOnlyList<RecordTable> tables)
    {
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, NpgsqlDbType[] types, RecordTable table, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in table.Rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++) await WriteAsync(importer, row[i], types[i], ct);
        }
        await importer.CompleteAsync(ct);
    }

    private Statements StatementsFor(RecordTable table) => _statements.GetOrAdd(table.Name, name =>
    {
        var staged = table.StagingTable;
        var columns = table.ColumnList;
        return new Statements(
            // The session's own: pooled connections keep their session (DatabaseSetup), so a connection's next batch finds
            // it. Emptied each time it stages with TRUNCATE, not DELETE: nothing vacuums a temporary table, so the dead rows
            // of a DELETE would stay for the session's life, and each staging would read them again.
            $"CREATE TEMPORARY TABLE IF NOT EXISTS {staged} (LIKE \"{name}\"); TRUNCATE {staged}",
            $"COPY {staged} ({columns}) FROM STDIN (FORMAT BINARY)",
            $"INSERT INTO \"{name}\" ({columns}) SELECT {table.NumberedColumns("@first")} FROM {staged}",
            $"COPY \"{name}\" ({columns}) FROM STDIN (FORMAT BINARY)",
            [.. table.Columns.Select(c => TypeOf(c.StoreType))]);
    });

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type, CancellationToken ct) => value switch
    {
        null => importer.WriteNullAsync(ct),
        string text => importer.WriteAsync(text, type, ct),
        long number => importer.WriteAsync(number, type, ct),
        int number => importer.WriteAsync(number, type, ct),
        bool flag => importer.WriteAsync(flag, type, ct),
        double number => importer.WriteAsync(number, type, ct),
        int[] numbers => importer.WriteAsync(numbers, type, ct),
        List<string> texts => importer.WriteAsync(texts, type, ct),
        string[] texts => importer.WriteAsync(texts, type, ct),
        _ => throw new NotSupportedException($"{value.GetType().Name} values are not supported by the COPY of records."),
    };

    private static NpgsqlDbType TypeOf(string storeType) => storeType switch
    {
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "boolean" => NpgsqlDbType.Boolean,
        "double precision" => NpgsqlDbType.Double,
        "text" => NpgsqlDbType.Text,
        "integer[]" => NpgsqlDbType.Array | NpgsqlDbType.Integer,
        "text[]" => NpgsqlDbType.Array | NpgsqlDbType.Text,
        _ when storeType.StartsWith("character varying", StringComparison.Ordinal) => NpgsqlDbType.Varchar,
        _ => throw new NotSupportedException($"Columns of type {storeType} are not supported by the COPY of records."),
    };

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose()
        {
        }
    }
}
