namespace CxApi.Infrastructure;

/// <summary>
/// Where metric queries read: a PostgreSQL streaming replica when <c>ConnectionStrings:CxMetrics</c> is set (they
/// then see the primary's data as of the replica's lag, usually well under a second), otherwise the main database.
/// </summary>
public sealed class MetricsReadDatabase(IServiceProvider services)
{
    public const string ConnectionName = "CxMetrics";

    public CxDbContext Db { get; } = services.GetKeyedService<CxDbContext>(ConnectionName) ?? services.GetRequiredService<CxDbContext>();
}
