using System.ComponentModel;

namespace CxApi.Features.Operations;

/// <summary>The windows before and after a deployment's <c>finishedAt</c>.</summary>
public sealed record DeploymentImpactQuery(
    [property: Description("Length of the window that ends when the deployment finished (" + ImpactWindowRules.Durations + "; default " + ImpactWindowRules.DefaultWindow + ").")]
    string? Before,
    [property: Description("Length of the window that starts when the deployment finished (" + ImpactWindowRules.Durations + "; default " + ImpactWindowRules.DefaultWindow + ").")]
    string? After);
