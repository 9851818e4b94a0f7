namespace CxApi.Common;

/// <summary>What a deployment changed: code, a rollback to an earlier version, configuration, or a feature flag.</summary>
public enum DeploymentKind { Deploy, Rollback, Config, Flag }
