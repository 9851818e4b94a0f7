using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class AuditKeyConfiguration : IEntityTypeConfiguration<AuditKeyEntity>
{
    public void Configure(EntityTypeBuilder<AuditKeyEntity> builder)
    {
        builder.ToTable("AuditKeys");
        builder.Property(k => k.Id).HasMaxLength(40);
        builder.Property(k => k.ProtectedKey).HasMaxLength(1000);
    }
}
