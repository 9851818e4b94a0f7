using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CxApi.Common.Problems;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, unknown properties, a missing body, unsupported
/// media types, query parameters that do not parse) into RFC 9457 problems with field-level <c>errors</c> keyed by
/// JSON path or parameter name. The framework's messages name .NET types ("Nullable&lt;int&gt; Limit") and are
/// never passed on: each answer is worded here, in the API's terms.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;

        // The exception middleware has cleared the endpoint by now; its feature still names it.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var problem = bad.InnerException is JsonException json
            ? FromJson(json, endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)
            : FromBinding(bad, endpoint);

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails FromJson(JsonException json, Type? bodyType)
    {
        if (JsonErrors.IsSyntaxError(json))
        {
            var where = $"The request body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).";
            var malformed = Invalid(StatusCodes.Status400BadRequest, JsonErrors.Root, where, "Malformed JSON");
            malformed.Detail = where;
            return malformed;
        }

        var (path, message) = JsonErrors.Describe(json, bodyType);
        return Invalid(StatusCodes.Status400BadRequest, path, message);
    }

    private static ProblemDetails FromBinding(BadHttpRequestException bad, Endpoint? endpoint)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return Invalid(bad.StatusCode, ProblemSetup.MediaTypeKey, ProblemSetup.JsonRequired, "Unsupported media type");
        if (NoBody().IsMatch(bad.Message))
            return Invalid(StatusCodes.Status400BadRequest, JsonErrors.Root, "A request body is required: a JSON object.");
        if (FailedParameter().Match(bad.Message) is { Success: true } failed)
        {
            var (name, type) = Parameter(endpoint, failed.Groups["name"].Value);
            return Invalid(StatusCodes.Status400BadRequest, name, failed.Groups["value"].Success ? JsonErrors.Expected(type) : "is required");
        }
        // Anything else (the connection's own failures): the status alone, worded by ProblemSetup.
        return new ProblemDetails { Status = bad.StatusCode };
    }

    private static HttpValidationProblemDetails Invalid(int status, string key, string message, string title = "Invalid request") =>
        new(new Dictionary<string, string[]> { [key] = [message] })
        {
            Status = status,
            Title = title,
            Detail = "One or more fields are invalid; see errors.",
        };

    /// <summary>
    /// The handler's parameter (or the property of an <c>[AsParameters]</c> one) that binding named: the name callers
    /// use for it (its <c>[FromQuery]</c>/<c>[FromHeader]</c>/<c>[FromRoute]</c> name, else camelCase) and its type.
    /// </summary>
    private static (string Name, Type? Type) Parameter(Endpoint? endpoint, string clrName)
    {
        var parameters = endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
        var bound = parameters
            .SelectMany(p => p.IsDefined(typeof(AsParametersAttribute))
                ? MembersOf(p.ParameterType)
                : [(p.Name, p.ParameterType, (ICustomAttributeProvider)p)])
            .FirstOrDefault(m => m.Name == clrName);
        var name = bound.Attributes?.GetCustomAttributes(inherit: true).Select(WireName).FirstOrDefault(n => n is not null)
                   ?? JsonNamingPolicy.CamelCase.ConvertName(clrName);
        return (name, bound.Type is null ? null : Nullable.GetUnderlyingType(bound.Type) ?? bound.Type);
    }

    private static IEnumerable<(string? Name, Type Type, ICustomAttributeProvider Attributes)> MembersOf(Type type) =>
        type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (p.Name, p.ParameterType, (ICustomAttributeProvider)p))
            .Concat(type.GetProperties().Select(p => ((string?)p.Name, p.PropertyType, (ICustomAttributeProvider)p)));

    private static string? WireName(object attribute) => attribute switch
    {
        IFromQueryMetadata { Name: { } name } => name,
        IFromHeaderMetadata { Name: { } name } => name,
        IFromRouteMetadata { Name: { } name } => name,
        _ => null,
    };

    // The framework's wording (RequestDelegateFactory), matched only to learn which parameter failed.
    [GeneratedRegex("""^(Implicit body inferred for parameter "[^"]*" but no body was provided|Required parameter "[^"]*" was not provided from body\.)""")]
    private static partial Regex NoBody();

    [GeneratedRegex("""^(Failed to bind parameter "[^"]* (?<name>[^" ]+)" from "(?<value>.*)"\.|Required parameter "[^"]* (?<name>[^" ]+)" was not provided from )""", RegexOptions.Singleline)]
    private static partial Regex FailedParameter();
}
