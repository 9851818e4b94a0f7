using Npgsql;
using System.Security.Cryptography;

namespace CxApi.Benchmarks;

/// <summary>
/// A fresh, empty database for one server run: an SQLite file in a temp folder, or a PostgreSQL database of its own
/// (the server's migrations create it). Disposing deletes it, unless <see cref="Options.KeepDatabases"/> asks to keep it
/// (to profile a query on the 5 M data set without seeding it again).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly DirectoryInfo? _folder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;
    private readonly bool _keep;

    private BenchDatabase(Provider provider, string connectionString, DirectoryInfo? folder, string? postgresAdmin, string? postgresName, bool keep)
    {
        _keep = keep;
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public Provider Provider { get; }

    public string ConnectionString { get; }

    public string Description => Provider == Provider.Sqlite ? $"SQLite {ConnectionString}" : $"PostgreSQL database {_postgresName}";

    /// <summary>What the server needs in its environment to use this database.</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment => new Dictionary<string, string>
    {
        ["ConnectionStrings__Cx"] = ConnectionString,
        ["Database__Provider"] = Provider == Provider.Sqlite ? "Sqlite" : "Postgres",
    };

    public static BenchDatabase Create(Provider provider, Options options)
    {
        if (provider == Provider.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("cxbench-");
            return new BenchDatabase(provider, $"Data Source={Path.Combine(folder.FullName, "bench.db")}", folder, null, null, options.KeepDatabases);
        }
        var name = "cxbench_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var csb = new NpgsqlConnectionStringBuilder(options.PostgresConnection) { Database = name };
        return new BenchDatabase(provider, csb.ToString(), null, options.PostgresConnection, name, options.KeepDatabases);
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            Console.WriteLine($"Kept {Description}");
            return;
        }
        if (_folder is not null)
        {
            try { _folder.Delete(recursive: true); }
            catch (IOException e) { Console.Error.WriteLine($"Could not delete {_folder.FullName}: {e.Message}"); }
            return;
        }
        var admin = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(admin.ToString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            Console.Error.WriteLine($"Could not drop the PostgreSQL database {_postgresName}: {e.Message}");
        }
    }
}
