using CxApi.Infrastructure.Entities;

namespace CxApi.Common.Auth;

public static class CallerQueries
{
    /// <summary>Only the records <paramref name="caller"/> may see: another client's record is simply not there (404).</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, Caller caller) where T : RecordEntity =>
        caller.SeesAllRecords ? records : records.Where(r => r.ClientId == caller.ClientId);
}
