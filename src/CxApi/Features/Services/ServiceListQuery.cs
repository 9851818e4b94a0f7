using CxApi.Common.Paging;

namespace CxApi.Features.Services;

/// <summary>Filters: <c>key</c> and <c>team</c> (repeatable), <c>tier</c>, <c>customerFacing</c>; <c>from</c>/<c>to</c> on when the service was added.</summary>
public sealed record ServiceListQuery(
    string[]? Key, string[]? Team, int? Tier, bool? CustomerFacing, string? From, string? To, int? Limit, string? Cursor) : IListQuery;
