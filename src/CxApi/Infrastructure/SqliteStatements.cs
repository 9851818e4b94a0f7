using SQLitePCL;

namespace CxApi.Infrastructure;

/// <summary>
/// Runs one SQL statement for many rows of values on an open SQLite connection's own handle (inside its
/// transaction, if any): prepared once, bound by position, stepped per row. ADO.NET would look every
/// parameter up by name, per row — the dominant cost of bulk writes.
/// </summary>
internal static class SqliteStatements
{
    public static void Run(sqlite3 handle, string sql, IEnumerable<object?[]> rows)
    {
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    var index = i + 1;
                    Check(handle, row[i] switch
                    {
                        null => raw.sqlite3_bind_null(statement, index),
                        string text => raw.sqlite3_bind_text(statement, index, text),
                        bool flag => raw.sqlite3_bind_int(statement, index, flag ? 1 : 0),
                        int number => raw.sqlite3_bind_int(statement, index, number),
                        long number => raw.sqlite3_bind_int64(statement, index, number),
                        double number => raw.sqlite3_bind_double(statement, index, number),
                        var other => throw new NotSupportedException($"Parameter {index}: {other.GetType().Name} values are not supported."),
                    });
                }
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE) Check(handle, step);
                raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>Raises an SQLite error as the SqliteException ADO.NET would have thrown (so constraint handling still applies).</summary>
    private static void Check(sqlite3 handle, int rc)
    {
        if (rc is raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW) return;
        throw new Microsoft.Data.Sqlite.SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(handle));
    }
}
