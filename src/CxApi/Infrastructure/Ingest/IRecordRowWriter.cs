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
    /// Sends the rows of a <see cref="RecordTable.Staged"/> table ahead, on the write's open connection, before its turn
    /// and before its transaction begins (inside the caller's transaction, if it has one). From the turn to the commit
    /// one writer runs at a time, so whatever can be done without holding them is done here, beside other writers.
    /// </summary>
    Task StageAsync(CxDbContext db, RecordTable table, CancellationToken ct);

    /// <summary>Writes the rows of <paramref name="table"/>, numbered (<see cref="RecordTable.Number"/>), into their table.</summary>
    Task WriteAsync(CxDbContext db, RecordTable table, CancellationToken ct);

    /// <summary>
    /// Called once a write of <paramref name="tables"/> has ended (committed or rolled back), on its still open
    /// connection: gives back what staging and writing them made the connection hold. May do nothing.
    /// </summary>
    void Release(CxDbContext db, IReadOnlyList<RecordTable> tables);
}
