using CxApi.Common.OpenApi;

namespace CxApi.Features.Integrations;

/// <summary>A PagerDuty V3 webhook: one event. Only the members CxApi reads are described; PagerDuty sends more.</summary>
[VendorPayload]
public sealed record PagerDutyWebhook(PagerDutyEvent? Event);
