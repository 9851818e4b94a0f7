using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure.Ingest;

/// <summary>
/// The one place a duplicate <c>externalId</c> is resolved. A record is a duplicate when its client already has a
/// record of its kind with the same externalId: one stored before (looked up with <see cref="LookUpAsync"/>, after the
/// unique index has reported a conflict), or one stored earlier in the same write (<see cref="Remember"/>).
/// </summary>
public sealed class ExternalIdConflicts
{
    private readonly Dictionary<(Type Kind, string Client, string External), string> _ids = [];

    /// <summary>The id of the record that <paramref name="record"/> duplicates, if any.</summary>
    public string? ExistingIdOf(RecordEntity record) =>
        record.ExternalId is { } externalId && _ids.TryGetValue((record.GetType(), record.ClientId, externalId), out var id) ? id : null;

    /// <summary>Notes that <paramref name="record"/> is stored (or about to be, in the same transaction).</summary>
    public void Remember(RecordEntity record)
    {
        if (record.ExternalId is { } externalId) _ids[(record.GetType(), record.ClientId, externalId)] = record.Id;
    }

    /// <summary>
    /// Splits <paramref name="records"/> into the new ones (returned, each remembered) and the duplicates, whose
    /// outcomes are set in <paramref name="outcomes"/> (the others become <see cref="InsertOutcome.Stored"/>).
    /// </summary>
    public List<RecordEntity> Resolve(IReadOnlyList<RecordEntity> records, InsertOutcome[] outcomes)
    {
        var fresh = new List<RecordEntity>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (ExistingIdOf(records[i]) is { } existing)
            {
                outcomes[i] = new InsertOutcome.Duplicate(existing);
                continue;
            }
            Remember(records[i]);
            outcomes[i] = InsertOutcome.Stored;
            fresh.Add(records[i]);
        }
        return fresh;
    }

    /// <summary>The stored records whose client and externalId match one of <paramref name="records"/>: one indexed query per kind.</summary>
    public static async Task<ExternalIdConflicts> LookUpAsync(CxDbContext db, IEnumerable<RecordEntity> records, CancellationToken ct)
    {
        var conflicts = new ExternalIdConflicts();
        foreach (var kind in records.Where(r => r.ExternalId is not null).GroupBy(r => r.GetType()))
        {
            var externalIds = kind.Select(r => r.ExternalId!).Distinct().ToList();
            var clients = kind.Select(r => r.ClientId).Distinct().ToList();
            var found = await RecordStore.TableOf(db, kind.First()).AsNoTracking()
                .Where(r => clients.Contains(r.ClientId) && externalIds.Contains(r.ExternalId!)) // the (ClientId, ExternalId) index
                .Select(r => new { r.ClientId, r.ExternalId, r.Id })
                .ToListAsync(ct);
            foreach (var r in found) conflicts._ids[(kind.Key, r.ClientId, r.ExternalId!)] = r.Id;
        }
        return conflicts;
    }
}
