using CxApi.Common;
using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

public sealed class ResponseConfiguration : IEntityTypeConfiguration<ResponseEntity>
{
    public void Configure(EntityTypeBuilder<ResponseEntity> e)
    {
        e.ToTable("Responses");
        e.ConfigureRecord();
        e.Property(r => r.SurveyId).HasMaxLength(36);
        e.Property(r => r.Kind).AsText();
        e.Property(r => r.Channel).AsText();
        e.Property(r => r.Comment).HasMaxLength(Limits.Text);
        e.Property(r => r.CustomerId).HasMaxLength(Limits.Name);
        e.Property(r => r.InteractionId).HasMaxLength(36);
        e.HasOne<SurveyEntity>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<InteractionEntity>().WithMany().HasForeignKey(r => r.InteractionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.RespondedAtMicros, r.Id });
        e.HasIndex(r => new { r.ClientId, r.RespondedAtMicros, r.Id });
        e.HasIndex(r => new { r.SurveyId, r.RespondedAtMicros, r.Id });
        e.HasIndex(r => new { r.CustomerId, r.RespondedAtMicros, r.Id }).HasFilter("\"CustomerId\" IS NOT NULL"); // many responses have none
    }
}

public sealed class InteractionConfiguration : IEntityTypeConfiguration<InteractionEntity>
{
    public void Configure(EntityTypeBuilder<InteractionEntity> e)
    {
        e.ToTable("Interactions");
        e.ConfigureRecord();
        e.Property(i => i.Version).IsConcurrencyToken();
        e.Property(i => i.Channel).AsText();
        e.Property(i => i.Status).AsText();
        e.Property(i => i.CustomerId).HasMaxLength(Limits.Name);
        e.HasIndex(i => new { i.OpenedAtMicros, i.Id });
        e.HasIndex(i => new { i.ClientId, i.OpenedAtMicros, i.Id });
        e.HasIndex(i => new { i.CustomerId, i.OpenedAtMicros, i.Id }).HasFilter("\"CustomerId\" IS NOT NULL");
        e.HasIndex(i => new { i.Status, i.OpenedAtMicros, i.Id });
    }
}

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

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKeyEntity>
{
    public void Configure(EntityTypeBuilder<ApiKeyEntity> e)
    {
        e.ToTable("ApiKeys");
        e.Property(k => k.Id).HasMaxLength(36);
        e.Property(k => k.Name).HasMaxLength(Limits.Name);
        e.Property(k => k.Role).AsText();
        e.Property(k => k.Partner).HasMaxLength(Limits.Name);
        e.Property(k => k.Prefix).HasMaxLength(20);
        e.Property(k => k.Hash).HasMaxLength(64);
        e.HasIndex(k => k.Hash).IsUnique();
        e.HasIndex(k => new { k.CreatedAtMicros, k.Id });
    }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecordEntity>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecordEntity> e)
    {
        e.ToTable("IdempotencyRecords");
        e.HasKey(r => new { r.ApiKeyId, r.Key });
        e.Property(r => r.ApiKeyId).HasMaxLength(36);
        e.Property(r => r.Key).HasMaxLength(255);
        e.Property(r => r.RequestHash).HasMaxLength(64);
        e.Property(r => r.State).AsText();
        e.Property(r => r.OwnerInstanceId).HasMaxLength(36);
        e.HasIndex(r => r.ExpiresAtMicros);
    }
}

public sealed class InstanceConfiguration : IEntityTypeConfiguration<InstanceEntity>
{
    public void Configure(EntityTypeBuilder<InstanceEntity> e)
    {
        e.ToTable("Instances");
        e.Property(i => i.Id).HasMaxLength(36);
    }
}

public sealed class ChangeLogConfigurations : IEntityTypeConfiguration<ChangeCounterEntity>, IEntityTypeConfiguration<TombstoneEntity>
{
    public void Configure(EntityTypeBuilder<ChangeCounterEntity> e)
    {
        e.ToTable("ChangeCounters");
        e.HasKey(c => c.Resource);
        e.Property(c => c.Resource).HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<TombstoneEntity> e)
    {
        e.ToTable("Tombstones");
        e.HasKey(t => new { t.Resource, t.Seq });
        e.Property(t => t.Resource).HasMaxLength(20);
        e.Property(t => t.RecordId).HasMaxLength(36);
        e.Property(t => t.ClientId).HasMaxLength(Limits.Name + 20);
    }
}

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
