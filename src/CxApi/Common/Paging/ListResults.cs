using CxApi.Common.Formats;
using CxApi.Common.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace CxApi.Common.Paging;

/// <summary>How every list answers: a JSON page, or CSV when the client asks for <c>text/csv</c>.</summary>
public static class ListResults
{
    /// <summary>
    /// <paramref name="project"/> turns the page's rows into what the caller sees inside the query (for example Mapster's
    /// <c>ProjectToType</c>), so only the contract's columns are read; <paramref name="position"/> reads the keyset
    /// position back from an item.
    /// JSON: one page (<c>limit</c>, <c>cursor</c>) with <c>nextCursor</c> and a <c>Link</c> header. CSV: the same page
    /// when <c>limit</c> is given; without it every matching record, newest first, read and written a page at a time
    /// so that memory does not grow with the export.
    /// </summary>
    public static async Task<Results<Ok<Page<TOut>>, CsvResult>> PageAsync<T, TOut>(
        IQueryable<T> filtered, Expression<Func<T, long>> time, Func<IQueryable<T>, IQueryable<TOut>> project, Func<TOut, Cursor> position,
        IListQuery query, HttpContext http, CancellationToken ct) where TOut : notnull
    {
        if (!AcceptHeader.Prefers(http.Request, Csv.MediaType))
            return TypedResults.Ok(await PageOfAsync(filtered, time, project, position, query, http, ct));

        var columns = Csv.ColumnsOf(typeof(TOut), http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        if (query.Limit is null)
        {
            var log = http.RequestServices.GetRequiredService<ILogger<CsvExport>>();
            return new CsvResult(columns, AllAsync(filtered, time, project, position, query.Position(), log, http.Request.Path, ct));
        }
        var page = await PageOfAsync(filtered, time, project, position, query, http, ct);
        return new CsvResult(columns, page.Items.Select(i => (object)i).ToAsyncEnumerable());
    }

    private static async Task<Page<TOut>> PageOfAsync<T, TOut>(
        IQueryable<T> filtered, Expression<Func<T, long>> time, Func<IQueryable<T>, IQueryable<TOut>> project, Func<TOut, Cursor> position,
        IListQuery query, HttpContext http, CancellationToken ct)
    {
        var rows = await project(filtered.Keyset(time, query.Position(), query.PageSize())).ToListAsync(ct);
        var page = rows.ToPage(query.PageSize(), position, item => item);
        http.Response.AddNextLink(page);
        return page;
    }

    /// <summary>
    /// Every matching row, a page at a time. A long export logs its progress (category <c>CxApi.Common.Formats.CsvExport</c>):
    /// a line per 10 % of the rows counted at its start when they fill more than one page, and a last line with the total.
    /// </summary>
    private static async IAsyncEnumerable<object> AllAsync<T, TOut>(
        IQueryable<T> filtered, Expression<Func<T, long>> time, Func<IQueryable<T>, IQueryable<TOut>> project, Func<TOut, Cursor> position,
        Cursor? after, ILogger log, string path, [EnumeratorCancellation] CancellationToken ct) where TOut : notnull
    {
        var total = await filtered.LongCountAsync(ct);
        var (rows, shown) = (0L, 0L);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var items = await project(filtered.Keyset(time, after, Limits.MaxPageSize)).ToListAsync(ct);
            var page = items.ToPage(Limits.MaxPageSize, position, item => item);
            foreach (var item in page.Items) yield return item;
            rows += page.Items.Count;
            var percent = total == 0 ? 100 : Math.Min(100, rows * 100 / total) / 10 * 10;
            if (total > Limits.MaxPageSize && percent > shown && page.NextCursor is not null)
            {
                shown = percent;
                log.LogInformation("CSV export of {Path}: {Percent} % ({Rows} of {Total} rows, {Seconds:N1} s)", path, percent, rows, total,
                    clock.Elapsed.TotalSeconds);
            }
            if (!Cursor.TryDecode(page.NextCursor, out var next)) break;
            after = next;
        }
        log.LogInformation("CSV export of {Path}: done, {Rows} rows in {Seconds:N1} s", path, rows, clock.Elapsed.TotalSeconds);
    }
}
