using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Incidents;

/// <summary>A PATCH's own fields; how the times then relate is checked on the patched incident (<see cref="IncidentRules"/>).</summary>
public sealed class UpdateIncidentValidator : AbstractValidator<UpdateIncidentRequest>
{
    public UpdateIncidentValidator(TimeProvider clock)
    {
        RuleFor(i => i.Title.Value).NotEmpty().Name().OverridePropertyName("title").When(i => i.Title.IsSet);
        RuleFor(i => i.Services.Value).NotEmpty().OverridePropertyName("services").WithMessage("'services' names at least one service key.")
            .When(i => i.Services.IsSet);
        this.Keys(i => i.Services.Value, "services", IncidentRules.MaxServices);
        RuleFor(i => i.Severity.Value).NotNull().OverridePropertyName("severity").When(i => i.Severity.IsSet);
        RuleFor(i => i.Impact.Value).NotNull().OverridePropertyName("impact").When(i => i.Impact.IsSet);
        RuleFor(i => i.StartedAt.Value).NotNull().PastTime(clock).OverridePropertyName("startedAt").When(i => i.StartedAt.IsSet);
        RuleFor(i => i.DetectedAt.Value).PastTime(clock).OverridePropertyName("detectedAt");
        RuleFor(i => i.AcknowledgedAt.Value).PastTime(clock).OverridePropertyName("acknowledgedAt");
        RuleFor(i => i.MitigatedAt.Value).PastTime(clock).OverridePropertyName("mitigatedAt");
        RuleFor(i => i.ResolvedAt.Value).PastTime(clock).OverridePropertyName("resolvedAt");
        RuleFor(i => i.CustomerIds.Value).NotNull().OverridePropertyName("customerIds").When(i => i.CustomerIds.IsSet);
        this.Keys(i => i.CustomerIds.Value, "customerIds", IncidentRules.MaxCustomers);
        RuleFor(i => i.CausedByDeploymentId.Value).MaximumLength(36).OverridePropertyName("causedByDeploymentId");
        RuleFor(i => i.Url.Value).HttpUrl().OverridePropertyName("url");
    }
}
