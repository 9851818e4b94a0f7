using CxApi.Common.Validation;

namespace CxApi.Common.Paging;

public static class ListQueryExtensions
{
    public static int PageSize(this IListQuery query) => query.Limit ?? Limits.DefaultPageSize;

    public static long? FromMicros(this IListQuery query) =>
        Rfc3339.TryParse(query.From, out var t) ? UnixMicros.From(t) : null;

    public static long? ToMicros(this IListQuery query) =>
        Rfc3339.TryParse(query.To, out var t) ? UnixMicros.From(t) : null;

    public static Cursor? Position(this IListQuery query) =>
        Paging.Cursor.TryDecode(query.Cursor, out var c) ? c : null;
}
