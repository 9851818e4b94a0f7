using CxApi.Common;
using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.ApiKeys;

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyRequest>
{
    public CreateApiKeyValidator(TimeProvider clock)
    {
        RuleFor(k => k.Name).NotEmpty().Name();
        RuleFor(k => k.Role).NotNull().WithMessage($"'role' is required: one of {EnumText<ApiKeyRole>.AllowedList}.");
        RuleFor(k => k.Partner).Name()
            .Must((k, partner) => partner is null || k.Role == ApiKeyRole.Ingest)
            .WithMessage("'partner' scopes ingest keys to their partner's records; admin and read keys see all records.");
        RuleFor(k => k.ExpiresAt).Must(at => at is null || at > clock.GetUtcNow()).WithMessage("'expiresAt' must be in the future.");
    }
}
