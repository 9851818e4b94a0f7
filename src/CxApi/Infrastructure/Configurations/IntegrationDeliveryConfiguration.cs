using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class IntegrationDeliveryConfiguration : IEntityTypeConfiguration<IntegrationDeliveryEntity>
{
    public void Configure(EntityTypeBuilder<IntegrationDeliveryEntity> builder)
    {
        builder.ToTable("IntegrationDeliveries");
        builder.HasKey(d => new { d.Tool, d.DeliveryId });
        builder.Property(d => d.Tool).HasMaxLength(20);
        builder.Property(d => d.DeliveryId).HasMaxLength(200);
        builder.Property(d => d.Subject).HasMaxLength(200);
        builder.Property(d => d.RecordId).HasMaxLength(36);
        // The newest delivery about one subject (PagerDuty: the incident's latest event).
        builder.HasIndex(d => new { d.Tool, d.Subject, d.OccurredAtMicros });
    }
}
