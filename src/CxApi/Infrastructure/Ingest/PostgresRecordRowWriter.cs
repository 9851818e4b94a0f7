using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// PostgreSQL: the rows go in one binary <c>COPY ... FROM STDIN</c> per table (one round trip, no SQL to parse or
/// plan per row). Each value is written in its column's binary format, named from the EF model's store type.
/// </summary>
public sealed class PostgresRecordRowWriter : IRecordRowWriter
{
    private sealed record Copy(string Sql, NpgsqlDbType[] Types);

    private readonly ConcurrentDictionary<string, Copy> _copies = new();

    public async Task WriteAsync(CxDbContext db, RecordTable table, CancellationToken ct)
    {
        var copy = _copies.GetOrAdd(table.Name, _ => new Copy(
            $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)",
            [.. table.Columns.Select(c => TypeOf(c.StoreType))]));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(copy.Sql, ct);
        foreach (var row in table.Rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++) await WriteAsync(importer, row[i], copy.Types[i], ct);
        }
        await importer.CompleteAsync(ct);
    }

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
}
