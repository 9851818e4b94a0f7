namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// The provider seam of the ingest path: writes prepared rows, fast, inside the caller's open transaction. A row
/// the database refuses raises the provider's own exception (<see cref="DbErrors"/> reads it), and the caller rolls back.
/// </summary>
public interface IRecordRowWriter
{
    /// <summary>
    /// Waits for this process's turn to open an ingest transaction; disposing the result ends the turn. May not wait.
    /// </summary>
    ValueTask<IDisposable> TakeTurnAsync(CancellationToken ct);

    /// <summary>
    /// Sends the rows ahead, before their change numbers are taken: the counter's lock is held from then until the
    /// commit, so whatever can be done without it is done here. May do nothing.
    /// </summary>
    Task StageAsync(CxDbContext db, RecordTable table, CancellationToken ct);

    /// <summary>Writes the rows of <paramref name="table"/>, numbered (<see cref="RecordTable.Number"/>), into their table.</summary>
    Task WriteAsync(CxDbContext db, RecordTable table, CancellationToken ct);
}
