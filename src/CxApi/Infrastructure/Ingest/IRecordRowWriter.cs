namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// The provider seam of the ingest path: writes prepared rows, fast, inside the caller's open transaction. A row
/// the database refuses raises the provider's own exception (<see cref="DbErrors"/> reads it), and the caller rolls back.
/// </summary>
public interface IRecordRowWriter
{
    Task WriteAsync(CxDbContext db, RecordTable table, CancellationToken ct);
}
