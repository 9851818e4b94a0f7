using System.Linq.Expressions;

namespace CxApi.Infrastructure.Records;

/// <summary>Counts per (key, score), grouped in SQL: <c>SELECT key, score, COUNT(*) … GROUP BY key, score</c>.</summary>
public static class ScoreCells
{
    public static IQueryable<ScoreCell<TKey>> Of<TRow, TKey>(
        IQueryable<TRow> rows, Expression<Func<TRow, TKey>> key, Expression<Func<TRow, int>> score)
    {
        var row = key.Parameters[0];
        var scoreBody = Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(score.Parameters[0], row, score.Body);
        var keyed = Expression.Lambda<Func<TRow, Keyed<TKey>>>(
            Expression.MemberInit(Expression.New(typeof(Keyed<TKey>)),
                Expression.Bind(typeof(Keyed<TKey>).GetProperty(nameof(Keyed<TKey>.Key))!, key.Body),
                Expression.Bind(typeof(Keyed<TKey>).GetProperty(nameof(Keyed<TKey>.Score))!, scoreBody)),
            row);
        return rows.Select(keyed)
            .GroupBy(k => new { k.Key, k.Score })
            .Select(g => new ScoreCell<TKey> { Key = g.Key.Key, Score = g.Key.Score, Count = g.LongCount() });
    }

    /// <summary><paramref name="selector"/> read through <paramref name="path"/>: row → record → value.</summary>
    public static Expression<Func<TRow, TValue>> Through<TRow, TRecord, TValue>(
        Expression<Func<TRow, TRecord>> path, Expression<Func<TRecord, TValue>> selector) =>
        Expression.Lambda<Func<TRow, TValue>>(
            Microsoft.EntityFrameworkCore.Query.ReplacingExpressionVisitor.Replace(selector.Parameters[0], path.Body, selector.Body),
            path.Parameters);

    private sealed class Keyed<TKey>
    {
        public required TKey Key { get; init; }
        public int Score { get; init; }
    }
}
