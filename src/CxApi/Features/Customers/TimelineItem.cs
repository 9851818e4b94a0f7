using CxApi.Features.Incidents;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using System.Text.Json.Serialization;

namespace CxApi.Features.Customers;

/// <summary>
/// One record of a customer's timeline: <c>type</c> says which, <c>at</c> is its own time (respondedAt, openedAt,
/// publishedAt or, for an incident listing the customer in customerIds, startedAt), and the member named like the type
/// carries the record's usual body.
/// </summary>
public sealed record TimelineItem(
    string Type,
    string Id,
    DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SurveyResponse? Response = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Interaction? Interaction = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Review? Review = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Incident? Incident = null);
