namespace CxApi.Common;

/// <summary>How a deployment ended.</summary>
public enum DeploymentResult { Success, Failed, RolledBack }
