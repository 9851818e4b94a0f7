using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using System.Data.Common;

namespace CxApi.Common.Problems;

/// <summary>
/// A database that does not answer (down, unreachable, not a database) is a 503 problem with
/// <c>Retry-After</c>, not a 500: the request may succeed once it is back. Data the database refuses is
/// handled where it is written and never reaches here as such.
/// </summary>
public sealed class DatabaseUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception)) return false;
        logger.LogError(exception, "The database did not answer");
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = "The database did not answer; nothing was stored. Retry in a few seconds.",
            },
        });
    }

    private static bool IsUnavailable(Exception e) => e switch
    {
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        DbException db => !CxApi.Infrastructure.DbErrors.IsRefusedData(db),
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        TimeoutException => true,
        _ => false,
    };
}
