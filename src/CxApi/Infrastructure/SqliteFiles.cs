using Microsoft.Data.Sqlite;

namespace CxApi.Infrastructure;

internal static class SqliteFiles
{
    /// <summary>Resolves a relative file against the content root and creates its directory.</summary>
    public static string Prepare(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }
        // Microsoft.Data.Sqlite retries a busy database for up to the command timeout.
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase)) csb.DefaultTimeout = 30;
        return csb.ToString();
    }
}
