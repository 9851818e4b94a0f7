using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace CxApi.Common.Problems;

public static class ProblemSetup
{
    /// <summary>The one answer to a body that is not JSON: an error on the header that says what it is.</summary>
    public const string MediaTypeKey = "Content-Type";
    public const string JsonRequired = "must be application/json (or another JSON media type)";

    public static IServiceCollection AddCxProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            var status = problem.Status ?? ctx.HttpContext.Response.StatusCode;
            problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
            problem.Type ??= status switch
            {
                StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
                StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
                _ => "about:blank", // RFC 9457: no semantics beyond the status code
            };
            // Routing itself answers a media type no endpoint accepts, with a bare 415: it gets the field error too.
            if (status == StatusCodes.Status415UnsupportedMediaType && problem is not HttpValidationProblemDetails)
            {
                problem.Detail ??= "The request body must be JSON; see errors.";
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [MediaTypeKey] = [JsonRequired] };
            }
            problem.Detail ??= ctx.Exception is null || status < 500
                ? $"{problem.Title}."
                : "An unexpected error occurred; it has been logged with the traceId below.";
            problem.Extensions["traceId"] = ctx.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id
                                            ?? ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        // Body-binding failures must reach the exception handler so they become problems, not empty 400s.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}
