using CxApi.Common;
using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CxApi.Infrastructure.Configurations;

public sealed class InstanceConfiguration : IEntityTypeConfiguration<InstanceEntity>
{
    public void Configure(EntityTypeBuilder<InstanceEntity> e)
    {
        e.ToTable("Instances");
        e.Property(i => i.Id).HasMaxLength(36);
    }
}
