using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Common.Paging;

namespace CxApi.Features.Deployments;

/// <summary>Filters on the deployment dimensions (each repeatable, values of one meaning either) and <c>finishedAt</c> in [from, to).</summary>
public sealed record DeploymentListQuery(
    string[]? Service,
    string[]? Environment,
    string[]? Kind,
    string[]? Result,
    string[]? Initiative,
    string? From,
    string? To,
    int? Limit,
    string? Cursor) : IListQuery, IQueryValues
{
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } = new Dictionary<string, IReadOnlyCollection<string>>
    {
        ["kind"] = EnumText<DeploymentKind>.AllNames,
        ["result"] = EnumText<DeploymentResult>.AllNames,
    };
}
