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
    public void Configure(EntityTypeBuilder<SurveyEntity> e)
    {
        e.ToTable("Surveys");
        e.Property(s => s.Id).HasMaxLength(36);
        e.Property(s => s.Name).HasMaxLength(Limits.Name);
        e.Property(s => s.Kind).AsText();
        e.Property(s => s.Channel).AsText();
        e.Property(s => s.Question).HasMaxLength(Limits.Text);
        e.Property(s => s.Touchpoint).HasMaxLength(Limits.Name);
        e.HasIndex(s => new { s.CreatedAtMicros, s.Id });
        e.HasIndex(s => new { s.Kind, s.CreatedAtMicros, s.Id });
    }
}
