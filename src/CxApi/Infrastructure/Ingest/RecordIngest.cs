using CxApi.Common.Privacy;
using CxApi.Infrastructure.Entities;
using Microsoft.Extensions.Options;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// The ingest path of responses, interactions and reviews: every new record is stored by an
/// <see cref="IngestUnitOfWork"/>. A single POST joins the group commit; one inside a transaction of its own (an
/// idempotent request's) cannot, and is stored in that transaction instead. Each record's free text is redacted first
/// when <c>Privacy__RedactComments</c> is on (<see cref="RecordRedaction"/>), so no path stores it unmasked.
/// </summary>
public sealed class RecordIngest(
    IngestUnitOfWork unitOfWork, GroupCommit groupCommit, RecordRedaction redaction, IOptions<GroupCommitOptions> options)
{
    /// <summary>Inserts <paramref name="record"/>, or tells why it was not (a duplicate externalId, a reference deleted meanwhile).</summary>
    public async Task<InsertOutcome> InsertAsync(CxDbContext db, RecordEntity record, CancellationToken ct)
    {
        redaction.Apply(record);
        if (options.Value.Enabled && db.Database.CurrentTransaction is null) return await groupCommit.InsertAsync(record, ct);
        return await (await unitOfWork.StoreAsync(db, [record], RefusalScope.All, ct))[0];
    }

    /// <summary>
    /// Inserts <paramref name="records"/> (one request's) together: each outcome in their order, or the error of a
    /// refusal that is not the client's to resolve, in which case nothing is stored.
    /// </summary>
    public async Task<IReadOnlyList<InsertOutcome>> InsertAllAsync(CxDbContext db, IReadOnlyList<RecordEntity> records, CancellationToken ct)
    {
        foreach (var record in records) redaction.Apply(record);
        return await Task.WhenAll(await unitOfWork.StoreAsync(db, records, RefusalScope.All, ct));
    }
}
