namespace CxApi.Common.Paging;

/// <summary>What every list query has: a time range on the record's own time and keyset paging.</summary>
public interface IListQuery
{
    string? From { get; }
    string? To { get; }
    int? Limit { get; }
    string? Cursor { get; }
}
