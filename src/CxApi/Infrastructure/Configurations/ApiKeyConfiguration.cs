using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKeyEntity>
{
    public void Configure(EntityTypeBuilder<ApiKeyEntity> builder)
    {
        builder.ToTable("ApiKeys");
        builder.Property(k => k.Id).HasMaxLength(36);
        builder.Property(k => k.Name).HasMaxLength(Limits.Name);
        builder.Property(k => k.Role).AsText();
        builder.Property(k => k.Partner).HasMaxLength(Limits.Name);
        builder.Property(k => k.Prefix).HasMaxLength(20);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.Property(k => k.PreviousHash).HasMaxLength(64);
        builder.HasIndex(k => k.PreviousHash);
        builder.HasIndex(k => new { k.CreatedAtMicros, k.Id });
    }
}
