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
        var kind = RecordKinds.Of(typeof(T));
        foreach (var dimension in kind.Dimensions)
            if (dimension is { InRollupKey: true, MultiValued: false, AllowedValues: null })
                e.Property(dimension.Property).HasMaxLength(Limits.Name);
        // The IT-operations reads (impact windows, change verdicts, affected customers) count one service's records in
        // short spans: the hour around each unaligned window end, or an incident's duration.
        if (kind.Dimension("service") is { MultiValued: false } service)
            e.HasIndex(service.Property, kind.TimeColumn, nameof(RecordEntity.Id)).HasFilter($"\"{service.Property}\" IS NOT NULL");
    }

    /// <summary>Stores an enum as its public snake_case name, so the database reads like the API.</summary>
    public static PropertyBuilder<TEnum> AsText<TEnum>(this PropertyBuilder<TEnum> property) where TEnum : struct, Enum =>
        property.HasConversion(new ValueConverter<TEnum, string>(v => EnumText<TEnum>.ToText(v), s => EnumText<TEnum>.Parse(s))).HasMaxLength(20);

    public static PropertyBuilder<TEnum?> AsText<TEnum>(this PropertyBuilder<TEnum?> property) where TEnum : struct, Enum =>
        property.HasConversion(new ValueConverter<TEnum, string>(v => EnumText<TEnum>.ToText(v), s => EnumText<TEnum>.Parse(s))).HasMaxLength(20);
}
