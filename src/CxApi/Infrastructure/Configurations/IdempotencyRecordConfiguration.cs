using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecordEntity>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecordEntity> e)
    {
        e.ToTable("IdempotencyRecords");
        e.HasKey(r => new { r.ApiKeyId, r.Key });
        e.Property(r => r.ApiKeyId).HasMaxLength(36);
        e.Property(r => r.Key).HasMaxLength(255);
        e.Property(r => r.RequestHash).HasMaxLength(64);
        e.Property(r => r.State).AsText();
        e.Property(r => r.OwnerInstanceId).HasMaxLength(36);
        e.HasIndex(r => r.ExpiresAtMicros);
    }
}
