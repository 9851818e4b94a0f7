using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class RollupConfigurations :
    IEntityTypeConfiguration<ResponseRollup>, IEntityTypeConfiguration<ReviewRollup>,
    IEntityTypeConfiguration<InteractionRollup>, IEntityTypeConfiguration<InteractionBinRollup>
{
    // Keys lead with what every metric query fixes (dimension, value, slot size) and then the time range.
    public void Configure(EntityTypeBuilder<ResponseRollup> e)
    {
        e.ToTable("ResponseRollups");
        e.HasKey(r => new { r.Kind, r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros, r.SurveyId, r.Score });
        e.Property(r => r.Kind).AsText();
        e.Property(r => r.Dimension).HasMaxLength(20);
        e.Property(r => r.Value).HasMaxLength(Limits.Name);
        e.Property(r => r.SurveyId).HasMaxLength(36);
    }

    public void Configure(EntityTypeBuilder<ReviewRollup> e)
    {
        e.ToTable("ReviewRollups");
        e.HasKey(r => new { r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros, r.Rating });
        e.Property(r => r.Dimension).HasMaxLength(20);
        e.Property(r => r.Value).HasMaxLength(Limits.Name);
    }

    public void Configure(EntityTypeBuilder<InteractionRollup> e)
    {
        e.ToTable("InteractionRollups");
        e.HasKey(r => new { r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros });
        e.Property(r => r.Dimension).HasMaxLength(20);
        e.Property(r => r.Value).HasMaxLength(Limits.Name);
    }

    public void Configure(EntityTypeBuilder<InteractionBinRollup> e)
    {
        e.ToTable("InteractionBinRollups");
        e.HasKey(r => new { r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros, r.Which, r.Bin });
        e.Property(r => r.Dimension).HasMaxLength(20);
        e.Property(r => r.Value).HasMaxLength(Limits.Name);
    }
}
