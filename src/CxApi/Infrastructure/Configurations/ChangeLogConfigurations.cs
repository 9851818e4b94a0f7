using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class ChangeLogConfigurations : IEntityTypeConfiguration<ChangeCounterEntity>, IEntityTypeConfiguration<TombstoneEntity>
{
    public void Configure(EntityTypeBuilder<ChangeCounterEntity> e)
    {
        e.ToTable("ChangeCounters");
        e.HasKey(c => c.Resource);
        e.Property(c => c.Resource).HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<TombstoneEntity> e)
    {
        e.ToTable("Tombstones");
        e.HasKey(t => new { t.Resource, t.Seq });
        e.Property(t => t.Resource).HasMaxLength(20);
        e.Property(t => t.RecordId).HasMaxLength(36);
        e.Property(t => t.ClientId).HasMaxLength(Limits.Name + 20);
    }
}
