using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Common.Paging;

namespace CxApi.Features.Incidents;

/// <summary>
/// Filters (each repeatable, values of one meaning either): <c>service</c> matches an incident on any of the services
/// given, <c>customerId</c> one that lists the customer; <c>ongoing</c> keeps unresolved (true) or resolved (false) ones;
/// <c>from</c>/<c>to</c> are on <c>startedAt</c>.
/// </summary>
public sealed record IncidentListQuery(
    string[]? Service,
    string[]? Severity,
    string[]? Impact,
    string[]? Source,
    string[]? CustomerId,
    bool? Ongoing,
    string? From,
    string? To,
    int? Limit,
    string? Cursor) : IListQuery, IQueryValues
{
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } = new Dictionary<string, IReadOnlyCollection<string>>
    {
        ["severity"] = EnumText<IncidentSeverity>.AllNames,
        ["impact"] = EnumText<IncidentImpact>.AllNames,
    };
}
