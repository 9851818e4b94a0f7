using CxApi.Features.Metrics.Calculators;
using FluentValidation;
using System.Text.Json;

namespace CxApi.Features.Metrics;

public sealed class TrendQueryValidator : AbstractValidator<TrendQuery>
{
    public TrendQueryValidator()
    {
        RuleFor(q => q.Interval).Must(i => i is null || MetricRequest.TryParseInterval(i, out _))
            .WithMessage($"must be one of: {string.Join(", ", Enum.GetNames<TrendInterval>().Select(JsonNamingPolicy.CamelCase.ConvertName))}");
        RuleFor(q => q.Tz).Must(tz => tz is null || MetricRequest.TryFindZone(tz, out _))
            .WithMessage("must be an IANA time zone such as 'Europe/Berlin' or 'UTC'");
    }
}
