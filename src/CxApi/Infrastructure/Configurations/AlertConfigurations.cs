using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class AlertConfigurations :
    IEntityTypeConfiguration<AlertRuleEntity>, IEntityTypeConfiguration<AlertEventEntity>,
    IEntityTypeConfiguration<WebhookEntity>, IEntityTypeConfiguration<WebhookDeliveryEntity>, IEntityTypeConfiguration<WebhookAttemptEntity>
{
    public const int MaxUrl = Common.Validation.Limits.Url;

    public void Configure(EntityTypeBuilder<AlertRuleEntity> builder)
    {
        builder.ToTable("AlertRules");
        builder.Property(r => r.Id).HasMaxLength(36);
        builder.Property(r => r.Name).HasMaxLength(Limits.Name);
        builder.Property(r => r.Metric).HasMaxLength(20);
        builder.Property(r => r.Field).HasMaxLength(50);
        builder.Property(r => r.FiltersJson).HasMaxLength(Limits.Text * 10);
        builder.Property(r => r.Window).HasMaxLength(50);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.CreatedAtMicros, r.Id });
    }

    public void Configure(EntityTypeBuilder<AlertEventEntity> builder)
    {
        builder.ToTable("AlertEvents");
        builder.Property(a => a.Id).HasMaxLength(36);
        builder.Property(a => a.RuleId).HasMaxLength(36);
        builder.Property(a => a.Type).HasMaxLength(50);
        builder.HasIndex(a => new { a.OccurredAtMicros, a.Id });
        builder.HasIndex(a => new { a.RuleId, a.OccurredAtMicros, a.Id });
    }

    public void Configure(EntityTypeBuilder<WebhookEntity> builder)
    {
        builder.ToTable("Webhooks");
        builder.Property(w => w.Id).HasMaxLength(36);
        builder.Property(w => w.Url).HasMaxLength(MaxUrl);
        builder.Property(w => w.ProtectedSecret).HasMaxLength(500); // about 200 characters for a whsec_ secret
        builder.HasIndex(w => new { w.CreatedAtMicros, w.Id });
    }

    public void Configure(EntityTypeBuilder<WebhookDeliveryEntity> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.Property(d => d.Id).HasMaxLength(36);
        builder.Property(d => d.WebhookId).HasMaxLength(36);
        builder.Property(d => d.EventType).HasMaxLength(50);
        builder.Property(d => d.Status).AsText();
        builder.Property(d => d.LeaseOwner).HasMaxLength(36);
        builder.HasOne<WebhookEntity>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        // What the dispatcher polls for (pending and due), and the per-webhook delivery log.
        builder.HasIndex(d => new { d.Status, d.NextAttemptAtMicros });
        builder.HasIndex(d => new { d.WebhookId, d.CreatedAtMicros, d.Id });
    }

    public void Configure(EntityTypeBuilder<WebhookAttemptEntity> builder)
    {
        builder.ToTable("WebhookAttempts");
        builder.Property(a => a.Id).HasMaxLength(36);
        builder.Property(a => a.DeliveryId).HasMaxLength(36);
        builder.Property(a => a.Error).HasMaxLength(500);
        builder.HasOne<WebhookDeliveryEntity>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DeliveryId, a.Number });
    }
}
