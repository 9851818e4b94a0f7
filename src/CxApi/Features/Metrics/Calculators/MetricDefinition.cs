namespace CxApi.Features.Metrics.Calculators;

/// <summary>What a figure means, carried in every metric body so that no BI user has to guess.</summary>
public sealed record MetricDefinition(string Formula, string Scale, string Method);
