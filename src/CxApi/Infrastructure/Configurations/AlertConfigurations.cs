using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class AlertConfigurations :
    IEntityTypeConfiguration<AlertRuleEntity>, IEntityTypeConfiguration<AlertEventEntity>,
    IEntityTypeConfiguration<WebhookEntity>, IEntityTypeConfiguration<WebhookDeliveryEntity>, IEntityTypeConfiguration<WebhookAttemptEntity>
{
    public const int MaxUrl = 2000;

    public void Configure(EntityTypeBuilder<AlertRuleEntity> e)
    {
        e.ToTable("AlertRules");
        e.Property(r => r.Id).HasMaxLength(36);
        e.Property(r => r.Name).HasMaxLength(Limits.Name);
        e.Property(r => r.Metric).HasMaxLength(20);
        e.Property(r => r.Field).HasMaxLength(50);
        e.Property(r => r.FiltersJson).HasMaxLength(Limits.Text * 10);
        e.Property(r => r.Window).HasMaxLength(50);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasIndex(r => new { r.CreatedAtMicros, r.Id });
    }

    public void Configure(EntityTypeBuilder<AlertEventEntity> e)
    {
        e.ToTable("AlertEvents");
        e.Property(a => a.Id).HasMaxLength(36);
        e.Property(a => a.RuleId).HasMaxLength(36);
        e.Property(a => a.Type).HasMaxLength(50);
        e.HasIndex(a => new { a.OccurredAtMicros, a.Id });
        e.HasIndex(a => new { a.RuleId, a.OccurredAtMicros, a.Id });
    }

    public void Configure(EntityTypeBuilder<WebhookEntity> e)
    {
        e.ToTable("Webhooks");
        e.Property(w => w.Id).HasMaxLength(36);
        e.Property(w => w.Url).HasMaxLength(MaxUrl);
        e.Property(w => w.ProtectedSecret).HasMaxLength(500); // about 200 characters for a whsec_ secret
        e.HasIndex(w => new { w.CreatedAtMicros, w.Id });
    }

    public void Configure(EntityTypeBuilder<WebhookDeliveryEntity> e)
    {
        e.ToTable("WebhookDeliveries");
        e.Property(d => d.Id).HasMaxLength(36);
        e.Property(d => d.WebhookId).HasMaxLength(36);
        e.Property(d => d.EventType).HasMaxLength(50);
        e.Property(d => d.Status).AsText();
        e.Property(d => d.LeaseOwner).HasMaxLength(36);
        e.HasOne<WebhookEntity>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        // What the dispatcher polls for (pending and due), and the per-webhook delivery log.
        e.HasIndex(d => new { d.Status, d.NextAttemptAtMicros });
        e.HasIndex(d => new { d.WebhookId, d.CreatedAtMicros, d.Id });
    }

    public void Configure(EntityTypeBuilder<WebhookAttemptEntity> e)
    {
        e.ToTable("WebhookAttempts");
        e.Property(a => a.Id).HasMaxLength(36);
        e.Property(a => a.DeliveryId).HasMaxLength(36);
        e.Property(a => a.Error).HasMaxLength(500);
        e.HasOne<WebhookDeliveryEntity>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => new { a.DeliveryId, a.Number });
    }
}
