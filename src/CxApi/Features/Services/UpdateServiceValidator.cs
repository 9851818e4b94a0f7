using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Services;

public sealed class UpdateServiceValidator : AbstractValidator<UpdateServiceRequest>
{
    public UpdateServiceValidator()
    {
        RuleFor(s => s.Name.Value).NotEmpty().Name().OverridePropertyName("name").When(s => s.Name.IsSet);
        RuleFor(s => s.Tier.Value).NotNull().InclusiveBetween(ServiceRules.MinTier, ServiceRules.MaxTier)
            .OverridePropertyName("tier").WithName("tier").When(s => s.Tier.IsSet);
        RuleFor(s => s.CustomerFacing.Value).NotNull().OverridePropertyName("customerFacing").When(s => s.CustomerFacing.IsSet);
        RuleFor(s => s.Team.Value).Name().OverridePropertyName("team").When(s => s.Team.IsSet);
    }
}
