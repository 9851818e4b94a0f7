using CxApi.Common;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Rollups;
using Microsoft.EntityFrameworkCore;

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
    public DbSet<DeploymentEntity> Deployments => Set<DeploymentEntity>();
    public DbSet<IncidentEntity> Incidents => Set<IncidentEntity>();
    public DbSet<ServiceEntity> Services => Set<ServiceEntity>();
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
    /// Saves, numbers each changed record for the changes feed and moves the metric rollups by what was added,
    /// changed or deleted, all in the same transaction (the caller's, or one opened here). The rows inserted records
    /// cause are added by <see cref="Ingest.RecordInsertInterceptor"/>.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = ChangeLog.Changed(ChangeTracker);
        if (changed.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var deltas = RollupDeltas.From(ChangeTracker);
        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await FigureVersions.BumpAsync(this, deltas.Touched, cancellationToken); // first: before any row lock
            await ChangeLog.StampTrackedAsync(this, changed, UnixMicros.From(DateTimeOffset.UtcNow), cancellationToken);
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

    /// <summary>Records the ingest path wrote itself, for the next save's <see cref="Ingest.RecordInsertInterceptor"/>.</summary>
    internal List<RecordEntity>? InsertedOutsideTracker { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: it keeps the metric rollups in step with the records.");
}
