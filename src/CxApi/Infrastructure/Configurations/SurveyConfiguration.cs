using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

// Lists order newest-first by the record's own time (ties by id), so each index ends in (time, id): one
// for the time range alone, one per client (partner isolation), and one per selective filter (survey,
// customer, ticket status, review source). Broad filters (channel, region, product, team, type, kind,
// rating) ride the time index: each extra index is one more random write per ingested record.

public sealed class SurveyConfiguration : IEntityTypeConfiguration<SurveyEntity>
{
    public void Configure(EntityTypeBuilder<SurveyEntity> builder)
    {
        builder.ToTable("Surveys");
        builder.Property(s => s.Id).HasMaxLength(36);
        builder.Property(s => s.Name).HasMaxLength(Limits.Name);
        builder.Property(s => s.Kind).AsText();
        builder.Property(s => s.Channel).AsText();
        builder.Property(s => s.Question).HasMaxLength(Limits.Text);
        builder.Property(s => s.Touchpoint).HasMaxLength(Limits.Name);
        builder.HasIndex(s => new { s.CreatedAtMicros, s.Id });
        builder.HasIndex(s => new { s.Kind, s.CreatedAtMicros, s.Id });
    }
}
