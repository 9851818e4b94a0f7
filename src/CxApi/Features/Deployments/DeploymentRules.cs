namespace CxApi.Features.Deployments;

public static class DeploymentRules
{
    /// <summary>The environment of a deployment that names none.</summary>
    public const string DefaultEnvironment = "production";
}
