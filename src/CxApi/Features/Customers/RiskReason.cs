namespace CxApi.Features.Customers;

/// <summary>
/// Why a customer is on the list. <c>at</c>: when the risk arose (the answer's respondedAt; for an open interaction
/// openedAt + slaSeconds). <c>score</c> for answers, <c>openSeconds</c> (open for so long, now) for interactions.
/// </summary>
public sealed record RiskReason(
    RiskReasonCode Reason, DateTimeOffset At, string RecordType, string RecordId, int? Score, double? OpenSeconds);
