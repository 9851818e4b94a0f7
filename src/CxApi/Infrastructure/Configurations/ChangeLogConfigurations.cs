using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class ChangeLogConfigurations : IEntityTypeConfiguration<ChangeCounterEntity>, IEntityTypeConfiguration<TombstoneEntity>
{
    public void Configure(EntityTypeBuilder<ChangeCounterEntity> builder)
    {
        builder.ToTable("ChangeCounters");
        builder.HasKey(c => c.Resource);
        builder.Property(c => c.Resource).HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<TombstoneEntity> builder)
    {
        builder.ToTable("Tombstones");
        builder.HasKey(t => new { t.Resource, t.Seq });
        builder.Property(t => t.Resource).HasMaxLength(20);
        builder.Property(t => t.RecordId).HasMaxLength(36);
        builder.Property(t => t.ClientId).HasMaxLength(Limits.Name + 20);
    }
}
