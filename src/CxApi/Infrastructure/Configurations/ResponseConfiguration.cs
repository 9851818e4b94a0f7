using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

public sealed class ResponseConfiguration : IEntityTypeConfiguration<ResponseEntity>
{
    public void Configure(EntityTypeBuilder<ResponseEntity> builder)
    {
        builder.ToTable("Responses");
        builder.ConfigureRecord();
        builder.Property(r => r.SurveyId).HasMaxLength(36);
        builder.Property(r => r.Kind).AsText();
        builder.Property(r => r.Channel).AsText();
        builder.Property(r => r.Comment).HasMaxLength(Limits.Text);
        builder.Property(r => r.CustomerId).HasMaxLength(Limits.Name);
        builder.Property(r => r.InteractionId).HasMaxLength(36);
        builder.HasOne<SurveyEntity>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InteractionEntity>().WithMany().HasForeignKey(r => r.InteractionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RespondedAtMicros, r.Id });
        builder.HasIndex(r => new { r.ClientId, r.RespondedAtMicros, r.Id });
        builder.HasIndex(r => new { r.SurveyId, r.RespondedAtMicros, r.Id });
        builder.HasIndex(r => new { r.CustomerId, r.RespondedAtMicros, r.Id }).HasFilter("\"CustomerId\" IS NOT NULL"); // many responses have none
    }
}
