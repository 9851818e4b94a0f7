using CxApi.Common;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// Availability as customers feel it: the ratio of <see cref="AvailabilityCalculator"/> with every second weighted by
/// the service's customer activity in that second's hour of the week (<see cref="HourOfWeek"/>: UTC, Monday 00:00 =
/// bucket 0). With w(s) = activity[hourOfWeek(s)]:
/// <c>100 × (1 − Σ w(s)·(outage(s) + partialWeight·partial(s)) / Σ w(s)·(1 − maintenance(s)))</c>, each second
/// classified at its worst impact exactly as in the unweighted figure. When no activity falls in the counted part of
/// the period (all-zero activity, say), every second weighs the same and the result equals <c>availabilityPct</c>.
/// </summary>
public static class ExperienceWeightedAvailability
{
    public static readonly MetricDefinition Definition = new(
        Formula: "100 × (1 − Σ w·(outage + partialWeight × partial) / Σ w·(period − maintenance)), w = customer activity in the " +
                 "second's hour of the week",
        Scale: "0–100 %; null when the whole period is maintenance",
        Method: "168 hour-of-week buckets in UTC, Monday 00:00–01:00 = 0 … Sunday 23:00–24:00 = 167; seconds classified at their " +
                "worst impact as for availabilityPct; equal weights (= availabilityPct) when no activity falls in the counted period.");

    public static ExperienceWeightedAvailabilityStats Compute(
        TimeRange period, IEnumerable<IncidentSpan> incidents, IReadOnlyList<long> activityByHourOfWeek,
        double partialWeight = AvailabilityCalculator.DefaultPartialWeight)
    {
        AvailabilityCalculator.CheckPartialWeight(partialWeight);
        if (activityByHourOfWeek.Count != HourOfWeek.Count || activityByHourOfWeek.Any(a => a < 0))
            throw new ArgumentException("Activity is 168 non-negative counts, Monday 00:00 UTC first.", nameof(activityByHourOfWeek));

        var whole = new long[HourOfWeek.Count];
        HourOfWeek.Spread(period.From, period.To, whole);
        var byImpact = Enum.GetValues<IncidentImpact>().ToDictionary(i => i, _ => new long[HourOfWeek.Count]);
        foreach (var segment in ImpactTimeline.Build(period, incidents))
            HourOfWeek.Spread(segment.From, segment.To, byImpact[segment.Impact]);

        double? Availability(Func<int, double> weight)
        {
            double Weighted(long[] micros) => Enumerable.Range(0, HourOfWeek.Count).Sum(b => weight(b) * micros[b]);
            return AvailabilityCalculator.Ratio(Weighted(whole), Weighted(byImpact[IncidentImpact.Outage]),
                Weighted(byImpact[IncidentImpact.Partial]), Weighted(byImpact[IncidentImpact.Maintenance]), partialWeight);
        }

        var weighted = Availability(b => activityByHourOfWeek[b]);
        return weighted is not null
            ? new ExperienceWeightedAvailabilityStats { AvailabilityPct = weighted, ActivityWeighted = true }
            : new ExperienceWeightedAvailabilityStats { AvailabilityPct = Availability(_ => 1), ActivityWeighted = false };
    }
}
