using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CxApi.Common.Problems;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, unknown properties, unsupported media
/// types, oversized bodies) into RFC 9457 problems with field-level <c>errors</c> keyed by JSON path.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;

        // The exception middleware has cleared the endpoint by now; its feature still names it.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var problem = bad.InnerException is JsonException json
            ? FromJson(json, bodyType)
            : new ProblemDetails { Status = bad.StatusCode, Detail = bad.Message };

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromJson(JsonException json, Type? bodyType)
    {
        if (JsonErrors.IsSyntaxError(json))
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Malformed JSON",
                Detail = $"The request body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).",
            };
        }

        var (path, message) = JsonErrors.Describe(json, bodyType);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [path] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = "One or more fields are invalid; see errors.",
        };
    }
}
