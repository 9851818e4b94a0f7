using System.ComponentModel;

namespace CxApi.Features.Operations;

/// <summary>The services (known keys of <c>/v1/services</c>) and the windows around an instant.</summary>
public sealed record ImpactQuery(
    [property: Description("The services (repeatable, at least one): keys of /v1/services.")]
    string[]? Service,
    [property: Description("The instant compared: before ends and after starts here (RFC 3339 with an offset).")]
    string? At,
    [property: Description("Length of the window that ends at the instant (" + ImpactWindowRules.Durations + "; default " + ImpactWindowRules.DefaultWindow + ").")]
    string? Before,
    [property: Description("Length of the window that starts at the instant (" + ImpactWindowRules.Durations + "; default " + ImpactWindowRules.DefaultWindow + ").")]
    string? After);
