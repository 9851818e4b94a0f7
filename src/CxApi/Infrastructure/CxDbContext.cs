using CxApi.Common;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CxApi.Infrastructure;

/// <summary>
/// The CxApi store. Each provider has a subclass (<see cref="SqliteCxDbContext"/>,
/// <see cref="PostgresCxDbContext"/>) so that its migrations live apart and are found by context type.
/// </summary>
public abstract class CxDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SurveyEntity> Surveys => Set<SurveyEntity>();
    public DbSet<ResponseEntity> Responses => Set<ResponseEntity>();
    public DbSet<InteractionEntity> Interactions => Set<InteractionEntity>();
    public DbSet<ReviewEntity> Reviews => Set<ReviewEntity>();
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();
    public DbSet<IdempotencyRecordEntity> IdempotencyRecords => Set<IdempotencyRecordEntity>();
    public DbSet<InstanceEntity> Instances => Set<InstanceEntity>();
    public DbSet<ResponseRollup> ResponseRollups => Set<ResponseRollup>();
    public DbSet<ReviewRollup> ReviewRollups => Set<ReviewRollup>();
    public DbSet<InteractionRollup> InteractionRollups => Set<InteractionRollup>();
    public DbSet<InteractionBinRollup> InteractionBinRollups => Set<InteractionBinRollup>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CxDbContext).Assembly);

    /// <summary>
    /// Saves, numbers each changed record for the changes feed, moves the metric rollups by what was added,
    /// changed or deleted and adds the rows inserted records cause (<see cref="IRecordInsertHook"/>), all in the
    /// same transaction (the caller's, or one opened here).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = ChangeLog.Changed(ChangeTracker);
        if (changed.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var deltas = RollupDeltas.From(ChangeTracker);
        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await ChangeLog.StampTrackedAsync(this, changed, UnixMicros.From(DateTimeOffset.UtcNow), cancellationToken);
            await TrackInsertEffectsAsync(changed.Where(e => e.State == EntityState.Added).Select(e => e.Entity), cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await RollupStore.ApplyAsync(this, deltas, cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(CancellationToken.None); // not abandoned halfway
            return saved;
        }
        finally
        {
            if (transaction is not null) await transaction.DisposeAsync();
        }
    }

    /// <summary>Tracks what inserting <paramref name="records"/> causes besides rollups (see <see cref="IRecordInsertHook"/>); true when it added rows.</summary>
    public ValueTask<bool> TrackInsertEffectsAsync(IEnumerable<RecordEntity> records, CancellationToken ct) =>
        InsertHook is { } hook ? hook.TrackAsync(this, records, ct) : ValueTask.FromResult(false);

    // Pooled contexts take only options; the hook comes from the application's services (none at design time).
    private IRecordInsertHook? _insertHook;
    private IRecordInsertHook? InsertHook => _insertHook ??= this.GetService<IDbContextOptions>()
        .FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<IRecordInsertHook>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it keeps the metric rollups in step with the records.");
}

public sealed class SqliteCxDbContext(DbContextOptions<SqliteCxDbContext> options) : CxDbContext(options);

public sealed class PostgresCxDbContext(DbContextOptions<PostgresCxDbContext> options) : CxDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Ids and cursors compare byte by byte (as in SQLite), whatever the database's default collation.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
            if (property.ClrType == typeof(string) && property.Name.EndsWith("Id", StringComparison.Ordinal))
                property.SetCollation("C");
    }
}
