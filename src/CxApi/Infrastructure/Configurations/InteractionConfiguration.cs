using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class InteractionConfiguration : IEntityTypeConfiguration<InteractionEntity>
{
    public void Configure(EntityTypeBuilder<InteractionEntity> builder)
    {
        builder.ToTable("Interactions");
        builder.ConfigureRecord();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.Channel).AsText();
        builder.Property(i => i.Status).AsText();
        builder.Property(i => i.CustomerId).HasMaxLength(Limits.Name);
        builder.HasIndex(i => new { i.OpenedAtMicros, i.Id });
        builder.HasIndex(i => new { i.ClientId, i.OpenedAtMicros, i.Id });
        builder.HasIndex(i => new { i.CustomerId, i.OpenedAtMicros, i.Id }).HasFilter("\"CustomerId\" IS NOT NULL");
        builder.HasIndex(i => new { i.Status, i.OpenedAtMicros, i.Id });
    }
}
