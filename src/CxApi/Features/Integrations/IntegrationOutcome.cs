namespace CxApi.Features.Integrations;

/// <summary>What a delivery did: stored a new record, changed one, left it as it was, repeated an earlier delivery, or mapped to nothing.</summary>
public enum IntegrationOutcome { Created, Updated, Unchanged, Duplicate, Ignored }
