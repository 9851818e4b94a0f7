using CxApi.Common;
using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CxApi.Infrastructure.Configurations;

internal static class ConfigurationExtensions
{
    public static void ConfigureRecord<T>(this EntityTypeBuilder<T> e) where T : RecordEntity
    {
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).HasMaxLength(36);
        e.Property(r => r.ClientId).HasMaxLength(Limits.Name + 20);
        e.Property(r => r.ExternalId).HasMaxLength(Limits.Name);
        e.Property(r => r.CreatedByKeyId).HasMaxLength(36);
        // externalId is unique per API client and resource type; records without one are not constrained.
        e.HasIndex(r => new { r.ClientId, r.ExternalId }).IsUnique().HasFilter("\"ExternalId\" IS NOT NULL");
        e.HasIndex(r => r.ChangeSeq); // the changes feed reads in this order
        // Each text dimension of the record's kind (product, region, …) holds a name.
        foreach (var dimension in RecordKinds.Of(typeof(T)).Dimensions)
            if (dimension is { InRollupKey: true, MultiValued: false, AllowedValues: null })
                e.Property(dimension.Property).HasMaxLength(Limits.Name);
    }

    /// <summary>Stores an enum as its public snake_case name, so the database reads like the API.</summary>
    public static PropertyBuilder<TEnum> AsText<TEnum>(this PropertyBuilder<TEnum> property) where TEnum : struct, Enum =>
        property.HasConversion(new ValueConverter<TEnum, string>(v => EnumText<TEnum>.ToText(v), s => EnumText<TEnum>.Parse(s))).HasMaxLength(20);

    public static PropertyBuilder<TEnum?> AsText<TEnum>(this PropertyBuilder<TEnum?> property) where TEnum : struct, Enum =>
        property.HasConversion(new ValueConverter<TEnum, string>(v => EnumText<TEnum>.ToText(v), s => EnumText<TEnum>.Parse(s))).HasMaxLength(20);
}
