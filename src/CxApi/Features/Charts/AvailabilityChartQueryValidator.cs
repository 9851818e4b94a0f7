using CxApi.Features.Metrics;
using FluentValidation;

namespace CxApi.Features.Charts;

public sealed class AvailabilityChartQueryValidator : ChartParametersValidator<AvailabilityChartQuery>
{
    public AvailabilityChartQueryValidator() =>
        RuleFor(q => q.Tz).Must(tz => tz is null || MetricRequest.TryFindZone(tz, out _))
            .WithMessage("must be an IANA time zone such as 'Europe/Berlin' or 'UTC'");
}
