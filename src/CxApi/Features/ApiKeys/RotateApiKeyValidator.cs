using CxApi.Common;
using FluentValidation;

namespace CxApi.Features.ApiKeys;

public sealed class RotateApiKeyValidator : AbstractValidator<RotateApiKeyRequest>
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxGrace = TimeSpan.FromDays(7);

    public RotateApiKeyValidator() =>
        RuleFor(r => r.GracePeriod)
            .Must(text => text is null || (IsoDuration.TryParse(text, out var grace) && grace <= MaxGrace))
            .WithMessage("'gracePeriod' must be an ISO 8601 duration greater than zero and at most P7D (e.g. PT24H, P2D).");

    /// <summary>The grace period a valid request asks for.</summary>
    public static TimeSpan GraceOf(RotateApiKeyRequest? request) =>
        request?.GracePeriod is { } text ? IsoDuration.Parse(text) : DefaultGrace;
}
