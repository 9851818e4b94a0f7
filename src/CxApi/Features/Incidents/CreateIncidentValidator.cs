using CxApi.Common;
using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Incidents;

public sealed class CreateIncidentValidator : AbstractValidator<CreateIncidentRequest>
{
    public CreateIncidentValidator(TimeProvider clock)
    {
        RuleFor(i => i.Title).NotEmpty().Name();
        RuleFor(i => i.Services).NotEmpty().WithMessage("'services' names at least one service key.");
        this.Keys(i => i.Services, "services", IncidentRules.MaxServices);
        RuleFor(i => i.Severity).NotNull().WithMessage($"'severity' is required: one of {EnumText<IncidentSeverity>.AllowedList}.");
        RuleFor(i => i.Impact).NotNull().WithMessage($"'impact' is required: one of {EnumText<IncidentImpact>.AllowedList}.");
        RuleFor(i => i.StartedAt).RecordTime(clock);
        RuleFor(i => i.DetectedAt).PastTime(clock);
        RuleFor(i => i.AcknowledgedAt).PastTime(clock);
        RuleFor(i => i.MitigatedAt).PastTime(clock);
        RuleFor(i => i.ResolvedAt).PastTime(clock);
        RuleFor(i => i).Custom((i, context) =>
        {
            if (i.StartedAt is not { } started) return;
            foreach (var (field, message) in IncidentRules.Check(UnixMicros.From(started), UnixMicros.From(i.DetectedAt),
                         UnixMicros.From(i.AcknowledgedAt), UnixMicros.From(i.MitigatedAt), UnixMicros.From(i.ResolvedAt)))
                context.AddFailure(field, message);
        });
        this.Keys(i => i.CustomerIds, "customerIds", IncidentRules.MaxCustomers);
        RuleFor(i => i.ExternalId).ExternalId();
        RuleFor(i => i.CausedByDeploymentId).MaximumLength(36);
        RuleFor(i => i.Source).Name();
        RuleFor(i => i.Url).HttpUrl();
    }
}
