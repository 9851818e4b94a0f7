using CxApi.Common;
using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using CxApi.Features.Records;
using CxApi.Features.Surveys;
using Mapster;

namespace CxApi.Features.Responses;

/// <summary>OpenAPI examples of the response bodies; the response is what the mappings make of the create example.</summary>
public sealed class ResponsesExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    public const string ResponseId = "0193a4f1-02aa-7b41-8e0f-3d2c1b0a9f8e";

    private const string Create = $$"""
        { "surveyId": "{{SurveysExamples.SurveyId}}", "score": 9, "comment": "Great support", "customerId": "c-1042",
          "channel": "email", "product": "mobile-app", "region": "emea", "tags": ["onboarding"],
          "respondedAt": "2026-11-20T10:00:00Z", "externalId": "partner-77-resp-1" }
        """;

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string> { [typeof(CreateResponseRequest)] = Create };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(SurveyResponse)] = () => Example(mapping),
        [typeof(Page<SurveyResponse>)] = () => new Page<SurveyResponse>([Example(mapping)], "MTczMjA5NjgwMDAwMDAwMHwwMTkzYTRmMS0wMmFh"),
        [typeof(BatchResult)] = () => new BatchResult(1, 1,
            [new BatchItemResult(0, BatchItemStatus.Created, Id: ResponseId),
             new BatchItemResult(1, BatchItemStatus.Invalid,
                 Errors: new Dictionary<string, string[]> { ["items[1].score"] = ["'score' is required for an nps survey."] })]),
    };

    /// <summary>
    /// One valid item and one without its score (the <see cref="BatchResult"/> example is its answer; an item off the
    /// scale would break the documented range).
    /// </summary>
    public string? BatchOf(Type item) => item == typeof(CreateResponseRequest)
        ? $$"""
            { "items": [
                { "surveyId": "{{SurveysExamples.SurveyId}}", "score": 10, "respondedAt": "2026-11-20T10:00:00Z", "externalId": "partner-77-resp-2" },
                { "surveyId": "{{SurveysExamples.SurveyId}}", "respondedAt": "2026-11-20T10:05:00+01:00" } ] }
            """
        : null;

    /// <summary>The example response, as the API answers it (also in the changes feed and webhooks).</summary>
    public static SurveyResponse Example(TypeAdapterConfig mapping) =>
        ExampleValues.Read<CreateResponseRequest>(Create).ToEntity(SurveyKind.Nps, ExampleValues.Partner, ExampleValues.Now)
            .Adapt<SurveyResponse>(mapping) with
        { Id = ResponseId };
}
