using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEventEntity>
{
    public void Configure(EntityTypeBuilder<AuditEventEntity> builder)
    {
        builder.ToTable("AuditEvents");
        builder.Property(e => e.Id).HasMaxLength(36);
        builder.Property(e => e.Action).AsText().HasMaxLength(30);
        builder.Property(e => e.ActorKeyId).HasMaxLength(36);
        builder.Property(e => e.Role).AsText();
        builder.Property(e => e.RemoteAddress).HasMaxLength(64);
        builder.Property(e => e.TargetKind).HasMaxLength(30);
        builder.Property(e => e.TargetId).HasMaxLength(200);
        builder.Property(e => e.Outcome).AsText();
        builder.Property(e => e.Reason).HasMaxLength(30);
        builder.Property(e => e.Integration).HasMaxLength(20);
        builder.Property(e => e.DeliveryId).HasMaxLength(200);
        builder.Property(e => e.Bucket).HasMaxLength(300);
        builder.HasIndex(e => e.Bucket).IsUnique(); // NULLs (every event that is not aggregated) do not collide
        builder.HasIndex(e => new { e.AtMicros, e.Id }); // the list's order and its from/to
        builder.HasIndex(e => new { e.TargetKind, e.TargetId, e.AtMicros });
        builder.HasIndex(e => new { e.ActorKeyId, e.AtMicros });
    }
}
