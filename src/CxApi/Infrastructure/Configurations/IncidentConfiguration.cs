using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentEntity>
{
    public void Configure(EntityTypeBuilder<IncidentEntity> builder)
    {
        builder.ToTable("Incidents");
        builder.ConfigureRecord();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.Title).HasMaxLength(Limits.Name);
        builder.Property(i => i.Severity).AsText();
        builder.Property(i => i.Impact).AsText();
        builder.Property(i => i.CausedByDeploymentId).HasMaxLength(36);
        builder.Property(i => i.Url).HasMaxLength(Limits.Url);
        builder.HasIndex(i => new { i.StartedAtMicros, i.Id });
        builder.HasIndex(i => new { i.ClientId, i.StartedAtMicros, i.Id });
    }
}
