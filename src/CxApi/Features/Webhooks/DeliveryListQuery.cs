using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Webhooks;

public sealed record DeliveryListQuery(string[]? Status, string? From, string? To, int? Limit, string? Cursor) : IListQuery, IQueryValues
{
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } =
        new Dictionary<string, IReadOnlyCollection<string>> { ["status"] = EnumText<DeliveryStatus>.AllNames };
}
