namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// Availability with each second weighted by customer activity in its hour of the week
/// (see <see cref="ExperienceWeightedAvailability"/>).
/// </summary>
public sealed record ExperienceWeightedAvailabilityStats
{
    /// <summary>The weighted availability, 0–100 %; null when the period minus maintenance is empty.</summary>
    public double? AvailabilityPct { get; init; }
    /// <summary>False when no activity fell in the counted part of the period, so every second weighed the same.</summary>
    public bool ActivityWeighted { get; init; }
}
