namespace CxApi.Features.Metrics;

/// <summary>What a rated interaction is compared by. The rated interaction is the one a response names in <c>interactionId</c>.</summary>
public enum DriverFactor { FirstResponseTime, ResolutionTime, ContactCount, Escalated, Channel, Team, Type }
