using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class ServiceConfiguration : IEntityTypeConfiguration<ServiceEntity>
{
    public void Configure(EntityTypeBuilder<ServiceEntity> builder)
    {
        builder.ToTable("Services");
        builder.ConfigureRecord();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.HasIndex(s => new { s.ReceivedAtMicros, s.Id });
        builder.HasIndex(s => new { s.ClientId, s.ReceivedAtMicros, s.Id });
    }
}
