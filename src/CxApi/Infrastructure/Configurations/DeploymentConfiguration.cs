using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class DeploymentConfiguration : IEntityTypeConfiguration<DeploymentEntity>
{
    public void Configure(EntityTypeBuilder<DeploymentEntity> builder)
    {
        builder.ToTable("Deployments");
        builder.ConfigureRecord();
        builder.Property(d => d.Kind).AsText();
        builder.Property(d => d.Result).AsText();
        builder.Property(d => d.Release).HasMaxLength(Common.Validation.Limits.Name);
        builder.Property(d => d.Url).HasMaxLength(Common.Validation.Limits.Url);
        builder.HasIndex(d => new { d.FinishedAtMicros, d.Id });
        builder.HasIndex(d => new { d.ClientId, d.FinishedAtMicros, d.Id });
    }
}
