using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class ReviewConfiguration : IEntityTypeConfiguration<ReviewEntity>
{
    public void Configure(EntityTypeBuilder<ReviewEntity> e)
    {
        e.ToTable("Reviews");
        e.ConfigureRecord();
        e.Property(r => r.Title).HasMaxLength(Limits.Name);
        e.Property(r => r.Body).HasMaxLength(Limits.Text);
        e.Property(r => r.Author).HasMaxLength(Limits.Name);
        e.Property(r => r.Language).HasMaxLength(35);
        e.Property(r => r.CustomerId).HasMaxLength(Limits.Name);
        e.HasIndex(r => new { r.PublishedAtMicros, r.Id });
        e.HasIndex(r => new { r.ClientId, r.PublishedAtMicros, r.Id });
        e.HasIndex(r => new { r.Source, r.PublishedAtMicros, r.Id });
        e.HasIndex(r => new { r.CustomerId, r.PublishedAtMicros, r.Id });
    }
}
