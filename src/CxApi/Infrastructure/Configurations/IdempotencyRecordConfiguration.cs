using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecordEntity>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecordEntity> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => new { r.ApiKeyId, r.Key });
        builder.Property(r => r.ApiKeyId).HasMaxLength(36);
        builder.Property(r => r.Key).HasMaxLength(255);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.State).AsText();
        builder.Property(r => r.OwnerInstanceId).HasMaxLength(36);
        builder.HasIndex(r => r.ExpiresAtMicros);
    }
}
