using System.Linq.Expressions;

namespace CxApi.Common.Paging;

/// <summary>Query pieces every list shares: repeatable filters, half-open time ranges and keyset pages.</summary>
public static class QueryableExtensions
{
    /// <summary><c>?channel=email&amp;channel=chat</c> means either: no values, no filter.</summary>
    public static IQueryable<T> WhereAny<T, TValue>(this IQueryable<T> query, IReadOnlyCollection<TValue>? values, Expression<Func<T, TValue>> selector)
    {
        if (values is not { Count: > 0 }) return query;
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TValue)],
            Parameter(values.ToList()), selector.Body);
        return query.Where(Expression.Lambda<Func<T, bool>>(contains, selector.Parameters));
    }

    /// <summary>Keeps records whose time lies in <c>[from, to)</c>.</summary>
    public static IQueryable<T> InRange<T>(this IQueryable<T> query, Expression<Func<T, long>> time, long? from, long? to)
    {
        if (from is { } f) query = query.Where(Compare(time, Expression.GreaterThanOrEqual, f));
        if (to is { } t) query = query.Where(Compare(time, Expression.LessThan, t));
        return query;
    }

    /// <summary>Newest first by <paramref name="time"/>, ties by id, starting after <paramref name="after"/>; one row more than the page.</summary>
    public static IQueryable<T> Keyset<T>(this IQueryable<T> query, Expression<Func<T, long>> time, Cursor? after, int limit)
    {
        var id = Expression.Lambda<Func<T, string>>(Expression.Property(time.Parameters[0], "Id"), time.Parameters);
        if (after is { } c)
        {
            // time < c.time OR (time = c.time AND id < c.id)
            var cTime = Parameter(c.TimeMicros);
            var cId = Parameter(c.Id);
            var idCompare = Expression.LessThan(
                Expression.Call(typeof(string), nameof(string.Compare), null, id.Body, cId), Expression.Constant(0));
            var body = Expression.OrElse(
                Expression.LessThan(time.Body, cTime),
                Expression.AndAlso(Expression.Equal(time.Body, cTime), idCompare));
            query = query.Where(Expression.Lambda<Func<T, bool>>(body, time.Parameters));
        }
        return query.OrderByDescending(time).ThenByDescending(id).Take(limit + 1);
    }

    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, long>> time, Func<Expression, Expression, BinaryExpression> op, long value) =>
        Expression.Lambda<Func<T, bool>>(op(time.Body, Parameter(value)), time.Parameters);

    /// <summary>A value reached through a member access becomes a SQL parameter, not a literal baked into the query.</summary>
    private static MemberExpression Parameter<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Box<TValue>(value)), nameof(Box<TValue>.Value));

    private sealed record Box<TValue>(TValue Value);
}
