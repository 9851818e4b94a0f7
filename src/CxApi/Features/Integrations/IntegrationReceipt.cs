namespace CxApi.Features.Integrations;

/// <summary>
/// The answer to a vendor's delivery: its <c>outcome</c>, the kind (<c>resource</c>: incident, deployment, response) and
/// CxApi <c>id</c> of the record it concerns when there is one, and why, in words (<c>detail</c>).
/// </summary>
public sealed record IntegrationReceipt(IntegrationOutcome Outcome, string? Resource, string? Id, string Detail)
{
    public static IntegrationReceipt Ignored(string detail) => new(IntegrationOutcome.Ignored, null, null, detail);
}
