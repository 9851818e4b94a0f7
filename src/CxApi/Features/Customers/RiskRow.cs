using CxApi.Common;

namespace CxApi.Features.Customers;

/// <summary>One risk signal of a customer, as the database finds it.</summary>
public sealed record RiskRow(
    string CustomerId, long AtMicros, int Reason, string RecordId, int? Score, long? OpenedAtMicros, long? Incidents = null)
{
    public RiskReason ToContract(DateTimeOffset now) => new(
        (RiskReasonCode)Reason, UnixMicros.ToDateTimeOffset(AtMicros), RecordType((RiskReasonCode)Reason), RecordId, Score,
        OpenedAtMicros is { } opened ? (UnixMicros.From(now) - opened) / 1e6 : null, Incidents);

    private static string RecordType(RiskReasonCode reason) => reason switch
    {
        RiskReasonCode.OpenPastSla => "interaction",
        RiskReasonCode.IncidentExposure => "incident",
        _ => "response",
    };
}
