using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKeyEntity>
{
    public void Configure(EntityTypeBuilder<ApiKeyEntity> e)
    {
        e.ToTable("ApiKeys");
        e.Property(k => k.Id).HasMaxLength(36);
        e.Property(k => k.Name).HasMaxLength(Limits.Name);
        e.Property(k => k.Role).AsText();
        e.Property(k => k.Partner).HasMaxLength(Limits.Name);
        e.Property(k => k.Prefix).HasMaxLength(20);
        e.Property(k => k.Hash).HasMaxLength(64);
        e.HasIndex(k => k.Hash).IsUnique();
        e.HasIndex(k => new { k.CreatedAtMicros, k.Id });
    }
}
