using CxApi.Common;
namespace CxApi.Features.Deployments;

public sealed record Deployment(
    string Id,
    string? ExternalId,
    string Service,
    string? Version,
    string Environment,
    DeploymentKind Kind,
    DateTimeOffset? StartedAt,
    DateTimeOffset FinishedAt,
    DeploymentResult Result,
    string? Initiative,
    string? Url,
    DateTimeOffset ReceivedAt);
