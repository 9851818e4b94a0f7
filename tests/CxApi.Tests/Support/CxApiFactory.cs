using CxApi.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxApi.Tests.Support;

/// <summary>
/// The real application over a real SQLite file of its own (one per fixture), migrated at start
/// exactly as in production.
/// </summary>
public class CxApiFactory : WebApplicationFactory<Program>
{
    public string DatabasePath { get; init; } = NewDatabasePath();

    /// <summary>Keep the file when the factory is disposed (for restart tests).</summary>
    public bool KeepDatabase { get; init; }

    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "cxapi-tests", $"{Guid.NewGuid():N}", "cx.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Cx", $"Data Source={DatabasePath}");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>Reads the database directly, to prove what was (or was not) stored.</summary>
    public async Task<TResult> WithDbAsync<TResult>(Func<CxDbContext, Task<TResult>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CxDbContext>());
    }

    public Task<int> CountAsync<T>() where T : class => WithDbAsync(db => db.Set<T>().CountAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDatabase) DeleteDatabase(DatabasePath);
    }

    public static void DeleteDatabase(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var directory = Path.GetDirectoryName(path)!;
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }
}
