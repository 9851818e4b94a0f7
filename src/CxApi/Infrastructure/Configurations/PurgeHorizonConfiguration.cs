using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class PurgeHorizonConfiguration : IEntityTypeConfiguration<PurgeHorizonEntity>
{
    public void Configure(EntityTypeBuilder<PurgeHorizonEntity> builder)
    {
        builder.ToTable("PurgeHorizons");
        builder.HasKey(h => h.Resource);
        builder.Property(h => h.Resource).HasMaxLength(20);
    }
}
