using Microsoft.AspNetCore.Http.HttpResults;

namespace CxApi.Common.Problems;

/// <summary>RFC 9457 problems the handlers return as values (the exception handler adds <c>traceId</c> to all of them).</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string resource, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: $"No {resource} with id '{id}'.");

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail, extensions: extensions);

    public static ProblemHttpResult DuplicateExternalId(string resource, string externalId, string existingId, string field = "externalId") =>
        Conflict($"A {resource} with {field} '{externalId}' already exists: '{existingId}'.",
            new Dictionary<string, object?> { ["existingId"] = existingId, ["externalId"] = externalId });

    /// <summary>A record the request names in <paramref name="field"/> was deleted while the request was being processed.</summary>
    public static ProblemHttpResult ReferenceDeleted(string field, string message) =>
        Conflict("A record this request refers to was deleted meanwhile; nothing was stored. See errors.",
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    public static ProblemHttpResult PreconditionFailed(string currentETag) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
            detail: $"The record has changed since it was read; its current ETag is {currentETag}. GET it again and retry.",
            extensions: new Dictionary<string, object?> { ["currentETag"] = currentETag });

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "One or more fields are invalid; see errors.", title: "Invalid request");

    public static ValidationProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}
