using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyEntity>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyEntity> e)
    {
        e.ToTable("DataProtectionKeys");
        e.Property(k => k.Id).HasMaxLength(36);
        e.Property(k => k.FriendlyName).HasMaxLength(100);
    }
}
