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
    public void Configure(EntityTypeBuilder<ResponseRollup> builder)
    {
        builder.ToTable("ResponseRollups");
        builder.HasKey(r => new { r.Kind, r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros, r.SurveyId, r.Score });
        builder.Property(r => r.Kind).AsText();
        builder.Property(r => r.Dimension).HasMaxLength(20);
        builder.Property(r => r.Value).HasMaxLength(Limits.Name);
        builder.Property(r => r.SurveyId).HasMaxLength(36);
    }

    public void Configure(EntityTypeBuilder<ReviewRollup> builder)
    {
        builder.ToTable("ReviewRollups");
        builder.HasKey(r => new { r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros, r.Rating });
        builder.Property(r => r.Dimension).HasMaxLength(20);
        builder.Property(r => r.Value).HasMaxLength(Limits.Name);
    }

    public void Configure(EntityTypeBuilder<InteractionRollup> builder)
    {
        builder.ToTable("InteractionRollups");
        builder.HasKey(r => new { r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros });
        builder.Property(r => r.Dimension).HasMaxLength(20);
        builder.Property(r => r.Value).HasMaxLength(Limits.Name);
    }

    public void Configure(EntityTypeBuilder<InteractionBinRollup> builder)
    {
        builder.ToTable("InteractionBinRollups");
        builder.HasKey(r => new { r.Dimension, r.Value, r.SlotSeconds, r.SlotStartMicros, r.Which, r.Bin });
        builder.Property(r => r.Dimension).HasMaxLength(20);
        builder.Property(r => r.Value).HasMaxLength(Limits.Name);
    }
}
