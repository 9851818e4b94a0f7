using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

/// <summary>What became of a record given to the store.</summary>
public abstract record InsertOutcome
{
    public static readonly InsertOutcome Stored = new StoredRecord();

    private sealed record StoredRecord : InsertOutcome;

    /// <summary>Its client already has a record with the same <c>externalId</c>: <paramref name="ExistingId"/>; nothing was stored.</summary>
    public sealed record Duplicate(string ExistingId) : InsertOutcome;

    /// <summary>
    /// The record names, in <paramref name="Field"/>, a <paramref name="Resource"/> that no longer exists: it was
    /// deleted after the request was validated. Nothing was stored.
    /// </summary>
    public sealed record MissingReference(string Field, string Resource, string Id) : InsertOutcome
    {
        public string Message => $"No {Resource} with id '{Id}': it was deleted while this record was being stored.";
    }
}

/// <summary>Writes shared by responses, interactions and reviews.</summary>
public static class RecordStore
{
    private const string OneRecord = "record";

    /// <summary>
    /// Inserts <paramref name="record"/> unless its client already has a record with the same <c>externalId</c>
    /// (also when a concurrent insert wins the race), in the caller's transaction or in its own.
    /// </summary>
    public static async Task<InsertOutcome> InsertAsync(this CxDbContext db, RecordEntity record, CancellationToken ct) =>
        await FindByExternalIdAsync(db, record, ct) is { } existing ? new InsertOutcome.Duplicate(existing) : await InsertOneAsync(db, record, ct);

    /// <summary>
    /// Inserts <paramref name="records"/> one by one in the caller's transaction, each under its own savepoint, so
    /// that a row the database refuses fails alone and the others still commit together. A record whose
    /// <c>externalId</c> its client already has (stored, or earlier in the list) is a duplicate. Each task is
    /// complete: an outcome, or the error of a refusal that is not the client's to resolve.
    /// </summary>
    public static async Task<IReadOnlyList<Task<InsertOutcome>>> InsertEachAsync(
        CxDbContext db, IReadOnlyList<RecordEntity> records, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("InsertEachAsync runs inside the caller's transaction.");
        var storedNow = new Dictionary<(Type, string Client, string External), string>();
        var outcomes = new List<Task<InsertOutcome>>(records.Count);
        foreach (var record in records)
        {
            var key = (record.GetType(), record.ClientId, record.ExternalId ?? "");
            if (record.ExternalId is not null && storedNow.TryGetValue(key, out var first))
            {
                outcomes.Add(Task.FromResult<InsertOutcome>(new InsertOutcome.Duplicate(first)));
                continue;
            }
            try
            {
                var outcome = await InsertOneAsync(db, record, ct);
                if (outcome == InsertOutcome.Stored && record.ExternalId is not null) storedNow[key] = record.Id;
                outcomes.Add(Task.FromResult(outcome));
            }
            catch (Exception e) when (DbErrors.IsRefusedData(e))
            {
                outcomes.Add(Task.FromException<InsertOutcome>(e));
            }
        }
        return outcomes;
    }

    /// <summary>
    /// Inserts <paramref name="record"/> with EF (change number, rollups, outbox rows). A refused row leaves nothing
    /// behind, neither in the database nor in the change tracker; a duplicate <c>externalId</c> or a reference
    /// deleted meanwhile becomes the outcome, any other refusal is thrown.
    /// </summary>
    private static async Task<InsertOutcome> InsertOneAsync(CxDbContext db, RecordEntity record, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null) await transaction.CreateSavepointAsync(OneRecord, ct);
        db.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            if (transaction is not null) await transaction.ReleaseSavepointAsync(OneRecord, ct);
            return InsertOutcome.Stored;
        }
        catch (Exception e) when (DbErrors.IsRefusedData(e))
        {
            // Without a caller's transaction, SaveChanges rolled its own back.
            if (transaction is not null) await transaction.RollbackToSavepointAsync(OneRecord, CancellationToken.None);
            foreach (var entry in db.ChangeTracker.Entries().Where(tracked => tracked.State != EntityState.Unchanged).ToList())
                entry.State = EntityState.Detached;
            if (DbErrors.IsUniqueViolation(e) && await FindByExternalIdAsync(db, record, ct) is { } existing) return new InsertOutcome.Duplicate(existing);
            if (DbErrors.IsForeignKeyViolation(e) && await MissingReferenceAsync(db, record, ct) is { } missing) return missing;
            throw;
        }
    }

    /// <summary>The reference of <paramref name="record"/> that names no row (after a foreign-key violation).</summary>
    private static async Task<InsertOutcome.MissingReference?> MissingReferenceAsync(CxDbContext db, RecordEntity record, CancellationToken ct)
    {
        if (record is not ResponseEntity response) return null;
        if (response.InteractionId is { } interaction && !await db.Interactions.AnyAsync(i => i.Id == interaction, ct))
            return new InsertOutcome.MissingReference("interactionId", "interaction", interaction);
        if (!await db.Surveys.AnyAsync(s => s.Id == response.SurveyId, ct))
            return new InsertOutcome.MissingReference("surveyId", "survey", response.SurveyId);
        return null;
    }

    /// <summary>Deletes the record with <paramref name="id"/> among <paramref name="records"/>; false when there is none.</summary>
    public static async Task<bool> DeleteAsync<T>(this CxDbContext db, IQueryable<T> records, string id, CancellationToken ct) where T : RecordEntity
    {
        var record = await records.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return false;
        db.Remove(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted by a concurrent request (it is gone: not found), or changed by one since it was read (its
            // version moved on): read it again and delete what is there now.
            db.ChangeTracker.Clear();
            return await DeleteAsync(db, records, id, ct);
        }
    }

    private static Task<string?> FindByExternalIdAsync(CxDbContext db, RecordEntity record, CancellationToken ct) =>
        record.ExternalId is not { } externalId
            ? Task.FromResult<string?>(null)
            : TableOf(db, record).AsNoTracking()
                .Where(r => r.ClientId == record.ClientId && r.ExternalId == externalId)
                .Select(r => r.Id)
                .FirstOrDefaultAsync(ct);

    /// <summary>The table of a record's own kind (records are looked up by their runtime type).</summary>
    public static IQueryable<RecordEntity> TableOf(CxDbContext db, RecordEntity record) => record switch
    {
        ResponseEntity => db.Responses,
        InteractionEntity => db.Interactions,
        ReviewEntity => db.Reviews,
        _ => throw new ArgumentException($"{record.GetType().Name} is not a record kind.", nameof(record)),
    };
}
