using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Common.Paging;

namespace CxApi.Features.Audit;

/// <summary>
/// Filters: <c>action</c> and <c>outcome</c> (repeatable), <c>actorKeyId</c>, <c>targetKind</c>, <c>targetId</c>;
/// <c>from</c>/<c>to</c> on the event's time.
/// </summary>
public sealed record AuditListQuery(
    string[]? Action, string? ActorKeyId, string? TargetKind, string? TargetId, string[]? Outcome,
    string? From, string? To, int? Limit, string? Cursor) : IListQuery, IQueryValues
{
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } =
        new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["action"] = EnumText<AuditAction>.AllNames,
            ["outcome"] = EnumText<AuditOutcome>.AllNames,
        };
}
