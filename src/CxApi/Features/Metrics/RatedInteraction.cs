using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Metrics;

/// <summary>A response's score beside the interaction it rates, for grouping by an interaction dimension.</summary>
public sealed class RatedInteraction
{
    public int Score { get; init; }
    public required InteractionEntity Interaction { get; init; }
}
