using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class FigureVersionConfiguration : IEntityTypeConfiguration<FigureVersionEntity>
{
    public void Configure(EntityTypeBuilder<FigureVersionEntity> builder)
    {
        builder.ToTable(Rollups.FigureVersions.Table);
        builder.HasKey(v => new { v.Service, v.DayStartMicros });
        builder.Property(v => v.Service).HasMaxLength(Limits.Name);
    }
}
