using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Deployments;

public sealed class CreateDeploymentValidator : AbstractValidator<CreateDeploymentRequest>
{
    public CreateDeploymentValidator(TimeProvider clock)
    {
        RuleFor(d => d.Service).NotEmpty().Name();
        RuleFor(d => d.FinishedAt).RecordTime(clock);
        RuleFor(d => d.StartedAt).PastTime(clock);
        RuleFor(d => d.StartedAt).LessThanOrEqualTo(d => d.FinishedAt).WithMessage("'startedAt' must not be later than 'finishedAt'.")
            .When(d => d.StartedAt is not null && d.FinishedAt is not null);
        RuleFor(d => d.ExternalId).ExternalId();
        RuleFor(d => d.Version).Name();
        RuleFor(d => d.Environment).Name();
        RuleFor(d => d.Initiative).Name();
        RuleFor(d => d.Url).HttpUrl();
    }
}
