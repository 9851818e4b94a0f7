using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxApi.Infrastructure.Configurations;

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
