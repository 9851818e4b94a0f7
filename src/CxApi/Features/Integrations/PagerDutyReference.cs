using CxApi.Common.OpenApi;

namespace CxApi.Features.Integrations;

/// <summary>A reference to another PagerDuty resource: its id and its name (<c>summary</c>).</summary>
[VendorPayload]
public sealed record PagerDutyReference(string? Id, string? Type, string? Summary);
