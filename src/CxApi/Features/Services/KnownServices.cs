using CxApi.Common.Problems;
using CxApi.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Features.Services;

/// <summary>
/// The IT-operations endpoints measure services of the catalogue: a <c>service</c> query value that is no service's
/// <c>key</c> is a 400 naming it (a typo would otherwise answer with an empty, plausible-looking report).
/// </summary>
public static class KnownServices
{
    public static RouteHandlerBuilder RequireKnownServices(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var named = context.HttpContext.Request.Query["service"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
            if (named.Count == 0) return await next(context);
            var db = context.HttpContext.RequestServices.GetRequiredService<CxDbContext>();
            var distinct = named.Distinct(StringComparer.Ordinal).ToList();
            var known = await db.Services.AsNoTracking().Where(s => distinct.Contains(s.ExternalId!)).Select(s => s.ExternalId!)
                .Distinct().ToListAsync(context.HttpContext.RequestAborted);
            var errors = named.Select((key, i) => (key, i)).Where(x => !known.Contains(x.key, StringComparer.Ordinal))
                .ToDictionary(x => $"service[{x.i}]", x => new[] { $"'{x.key}' is not the key of a service (see GET /v1/services)." });
            return errors.Count == 0 ? await next(context) : Problems.Validation(errors);
        });
}
