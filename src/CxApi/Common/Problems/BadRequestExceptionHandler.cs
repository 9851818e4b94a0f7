using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace CxApi.Common.Problems;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, unknown properties, unsupported media
/// types, oversized bodies) into RFC 9457 problems with field-level <c>errors</c> keyed by JSON path.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
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
        // A reader error (bad syntax) arrives wrapped: there is no field to blame, only a position.
        if (json.InnerException is JsonException || json.Path is null)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Malformed JSON",
                Detail = $"The request body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).",
            };
        }

        var path = JsonPath(json.Path);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [path] = [FieldMessage(json.Message, JsonTargetType.Resolve(bodyType, path))] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = "One or more fields are invalid; see errors.",
        };
    }

    /// <summary><c>$.items[7].rating</c> → <c>items[7].rating</c>; <c>$['odd key']</c> → <c>odd key</c>.</summary>
    internal static string JsonPath(string path)
    {
        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return BracketedName().Replace(trimmed, m => (m.Index == 0 ? "" : ".") + m.Groups[1].Value);
    }

    private static string FieldMessage(string message, Type? target)
    {
        if (message.StartsWith("The JSON property", StringComparison.Ordinal)) return "is not a known property";
        // Our own converters (times, enums) already write messages for users; the serializer's name .NET types.
        if (!message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)) return message;
        return target switch
        {
            null => "has the wrong JSON type",
            _ when target == typeof(int) || target == typeof(long) => "must be an integer",
            _ when target == typeof(bool) => "must be true or false",
            _ when target == typeof(double) || target == typeof(decimal) => "must be a number",
            _ when target == typeof(string) => "must be a string",
            _ when JsonTargetType.ElementType(target) is not null => "must be an array",
            _ => "must be an object",
        };
    }

    [GeneratedRegex(@"\['([^']*)'\]")]
    private static partial Regex BracketedName();
}
