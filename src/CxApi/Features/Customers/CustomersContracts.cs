using System.Text.Json.Serialization;
using CxApi.Common.Paging;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace CxApi.Features.Customers;

/// <summary><c>type</c> (repeatable): response, interaction or review; none means all three.</summary>
public sealed record TimelineQuery(
    [FromRoute] string CustomerId,
    string[]? Type,
    string? From,
    string? To,
    int? Limit,
    string? Cursor) : IListQuery;

/// <summary>
/// One record of a customer's timeline: <c>type</c> says which, <c>at</c> is its own time (respondedAt, openedAt or
/// publishedAt), and the member named like the type carries the record's usual body.
/// </summary>
public sealed record TimelineItem(
    string Type,
    string Id,
    DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SurveyResponse? Response = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Interaction? Interaction = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Review? Review = null);

/// <summary>
/// <c>from</c>/<c>to</c>: when the risk arose (default: the 30 days before now); <c>slaSeconds</c>: how long an
/// interaction may stay open (default 86,400 = 24 h).
/// </summary>
public sealed record AtRiskQuery(string? From, string? To, double? SlaSeconds, int? Limit, string? Cursor) : IListQuery;

public enum RiskReasonCode { NpsDetractor, LowCsat, OpenPastSla }

/// <summary>
/// Why a customer is on the list. <c>at</c>: when the risk arose (the answer's respondedAt; for an open interaction
/// openedAt + slaSeconds). <c>score</c> for answers, <c>openSeconds</c> (open for so long, now) for interactions.
/// </summary>
public sealed record RiskReason(
    RiskReasonCode Reason, DateTimeOffset At, string RecordType, string RecordId, int? Score, double? OpenSeconds);

/// <summary>A customer at risk: the newest reason's time and every reason, newest first.</summary>
public sealed record AtRiskCustomer(string CustomerId, DateTimeOffset LatestAt, IReadOnlyList<RiskReason> Reasons);
