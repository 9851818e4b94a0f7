using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxApi.Infrastructure;

/// <summary>
/// Numbers every change of a record (insert, update, delete) per resource, for the changes feed.
/// A number is taken from the resource's row in <c>ChangeCounters</c> inside the writing transaction,
/// and that row stays locked until the commit, so numbers become visible in exactly their order: a
/// reader that sees change n committed knows every change below n is committed too, and can read up to
/// the counter's committed value without ever skipping a change that commits later.
/// </summary>
public static class ChangeLog
{
    /// <summary>The feed a record of <paramref name="recordType"/> is numbered in: its kind's resource name (<c>responses</c>).</summary>
    public static string ResourceOf(Type recordType) => Records.RecordKinds.Of(recordType).Name;

    /// <summary>
    /// Numbers the tracked records that are added, modified or deleted and adds a tombstone for each
    /// deleted one. Resources are locked in name order, so two transactions never wait on each other in a circle.
    /// </summary>
    public static async Task StampTrackedAsync(CxDbContext db, IReadOnlyList<EntityEntry<RecordEntity>> changed, long nowMicros, CancellationToken ct)
    {
        foreach (var group in changed.GroupBy(e => ResourceOf(e.Entity.GetType())).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var next = await ReserveAsync(db, group.Key, group.Count(), ct);
            foreach (var entry in group)
            {
                var seq = next++;
                if (entry.State == EntityState.Deleted)
                    db.Add(new TombstoneEntity { Resource = group.Key, Seq = seq, RecordId = entry.Entity.Id, ClientId = entry.Entity.ClientId, DeletedAtMicros = nowMicros });
                else entry.Entity.ChangeSeq = seq;
            }
        }
    }

    /// <summary>The records the change tracker will write (added, modified or deleted).</summary>
    public static List<EntityEntry<RecordEntity>> Changed(ChangeTracker tracker) =>
        tracker.Entries<RecordEntity>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();

    /// <summary>The newest committed change number of <paramref name="resource"/> (0: none yet).</summary>
    public static async Task<long> LastCommittedAsync(CxDbContext db, string resource, CancellationToken ct) =>
        await db.Set<ChangeCounterEntity>().AsNoTracking().Where(c => c.Resource == resource).Select(c => (long?)c.Value).FirstOrDefaultAsync(ct) ?? 0;

    /// <summary>Takes <paramref name="count"/> numbers; returns the first. The counter row stays locked until commit.</summary>
    public static async Task<long> ReserveAsync(CxDbContext db, string resource, int count, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("Change numbers are taken inside the writing transaction.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText =
            "INSERT INTO \"ChangeCounters\" (\"Resource\", \"Value\") VALUES (@resource, @count) " +
            "ON CONFLICT (\"Resource\") DO UPDATE SET \"Value\" = \"ChangeCounters\".\"Value\" + @count RETURNING \"Value\"";
        AddParameter(command, "@resource", resource);
        AddParameter(command, "@count", (long)count);
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return last - count + 1;
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
