using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Operations.Calculators;

/// <summary>What the database counts for one impact window: score distributions per survey kind and of reviews, and the interactions opened.</summary>
public sealed record WindowCounts(
    Distribution Csat,
    Distribution Nps,
    Distribution Ces,
    Distribution Rating,
    Distribution Reviews,
    InteractionCounts Interactions,
    double Hours)
{
    public static WindowCounts Empty(double hours) => new(new(), new(), new(), new(), new(), new(), hours);
}
