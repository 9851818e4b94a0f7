using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class InteractionConfiguration : IEntityTypeConfiguration<InteractionEntity>
{
    public void Configure(EntityTypeBuilder<InteractionEntity> e)
    {
        e.ToTable("Interactions");
        e.ConfigureRecord();
        e.Property(i => i.Version).IsConcurrencyToken();
        e.Property(i => i.Channel).AsText();
        e.Property(i => i.Status).AsText();
        e.Property(i => i.CustomerId).HasMaxLength(Limits.Name);
        e.HasIndex(i => new { i.OpenedAtMicros, i.Id });
        e.HasIndex(i => new { i.ClientId, i.OpenedAtMicros, i.Id });
        e.HasIndex(i => new { i.CustomerId, i.OpenedAtMicros, i.Id }).HasFilter("\"CustomerId\" IS NOT NULL");
        e.HasIndex(i => new { i.Status, i.OpenedAtMicros, i.Id });
    }
}
