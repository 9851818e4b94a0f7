using FluentValidation;

namespace CxApi.Features.Metrics;

public sealed class DriverQueryValidator : MetricQueryValidator<DriverQuery>
{
    public DriverQueryValidator(TimeProvider clock) : base(clock)
    {
        RuleFor(q => q.Metric).NotEmpty().Must(m => m is null || DriverMetric.All.ContainsKey(m))
            .WithMessage($"must be one of: {string.Join(", ", DriverMetric.All.Keys)}");
        RuleFor(q => q.Factor).NotEmpty().Must(f => f is null || DriverFactors.Find(f) is not null)
            .WithMessage($"must be one of: {DriverFactors.AllowedList}");
    }
}
