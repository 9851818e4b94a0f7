using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class ReviewConfiguration : IEntityTypeConfiguration<ReviewEntity>
{
    public void Configure(EntityTypeBuilder<ReviewEntity> builder)
    {
        builder.ToTable("Reviews");
        builder.ConfigureRecord();
        builder.Property(r => r.Title).HasMaxLength(Limits.Name);
        builder.Property(r => r.Body).HasMaxLength(Limits.Text);
        builder.Property(r => r.Author).HasMaxLength(Limits.Name);
        builder.Property(r => r.Language).HasMaxLength(35);
        builder.Property(r => r.CustomerId).HasMaxLength(Limits.Name);
        builder.HasIndex(r => new { r.PublishedAtMicros, r.Id });
        builder.HasIndex(r => new { r.ClientId, r.PublishedAtMicros, r.Id });
        builder.HasIndex(r => new { r.Source, r.PublishedAtMicros, r.Id });
        builder.HasIndex(r => new { r.CustomerId, r.PublishedAtMicros, r.Id });
    }
}
