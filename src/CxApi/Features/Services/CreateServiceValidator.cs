using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Services;

public sealed class CreateServiceValidator : AbstractValidator<CreateServiceRequest>
{
    public CreateServiceValidator()
    {
        RuleFor(s => s.Key).ExternalId();
        RuleFor(s => s.Key).NotEmpty();
        RuleFor(s => s.Name).NotEmpty().Name();
        RuleFor(s => s.Tier).NotNull().InclusiveBetween(ServiceRules.MinTier, ServiceRules.MaxTier);
        RuleFor(s => s.Team).Name();
    }
}
