using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

/// <summary>
/// The CxApi store. Each provider has a subclass (<see cref="SqliteCxDbContext"/>) so that its
/// migrations live apart and are found by context type.
/// </summary>
public abstract class CxDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SurveyEntity> Surveys => Set<SurveyEntity>();
    public DbSet<ResponseEntity> Responses => Set<ResponseEntity>();
    public DbSet<InteractionEntity> Interactions => Set<InteractionEntity>();
    public DbSet<ReviewEntity> Reviews => Set<ReviewEntity>();
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();
    public DbSet<IdempotencyRecordEntity> IdempotencyRecords => Set<IdempotencyRecordEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CxDbContext).Assembly);
}

public sealed class SqliteCxDbContext(DbContextOptions<SqliteCxDbContext> options) : CxDbContext(options);
