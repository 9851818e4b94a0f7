using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using Mapster;

namespace CxApi.Features.Surveys;

/// <summary>OpenAPI examples of the survey bodies; the survey is what the mappings make of the create example.</summary>
public sealed class SurveysExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    public const string SurveyId = "0193a4f0-7c1e-7d2a-9b3c-4e5f6a7b8c9d";

    private const string Create = """
        { "name": "Support NPS", "kind": "nps", "question": "How likely are you to recommend us to a friend?",
          "channel": "email", "touchpoint": "after-ticket", "active": true }
        """;

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string>
    {
        [typeof(CreateSurveyRequest)] = Create,
        [typeof(UpdateSurveyRequest)] = """{ "name": "Support NPS (2026)", "question": null }""",
    };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(Survey)] = Example,
        [typeof(Page<Survey>)] = () => new Page<Survey>([Example()], null),
    };

    private Survey Example() =>
        ExampleValues.Read<CreateSurveyRequest>(Create).ToEntity(ExampleValues.Now).Adapt<Survey>(mapping) with { Id = SurveyId };
}
