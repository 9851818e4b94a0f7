namespace CxApi.Features.Customers;

/// <summary>
/// Why a customer is on the list. <c>at</c>: when the risk arose (the answer's respondedAt; for an open interaction
/// openedAt + slaSeconds; for incident exposure the startedAt of the latest incident listing the customer, which
/// <c>recordId</c> names). <c>score</c> for answers, <c>openSeconds</c> (open for so long, now) for interactions,
/// <c>incidents</c> (how many incidents listed the customer in the period) for incident exposure.
/// </summary>
public sealed record RiskReason(
    RiskReasonCode Reason, DateTimeOffset At, string RecordType, string RecordId, int? Score, double? OpenSeconds, long? Incidents = null);
