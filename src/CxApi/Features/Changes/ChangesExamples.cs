using CxApi.Common.OpenApi;
using CxApi.Features.Deployments;
using CxApi.Features.Incidents;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;
using CxApi.Features.Services;
using Mapster;

namespace CxApi.Features.Changes;

/// <summary>OpenAPI examples of the changes feeds, carrying each feature's example record.</summary>
public sealed class ChangesExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(ChangePage<SurveyResponse>)] = () => new ChangePage<SurveyResponse>(
            [new Change<SurveyResponse>(
                41, ChangeToken.Encode(41), ChangeOp.Upsert, ResponsesExamples.ResponseId, ResponsesExamples.Example(mapping), null),
             new Change<SurveyResponse>(42, ChangeToken.Encode(42), ChangeOp.Delete, "0193a4f0-ffee-7d00-8c1b-2a3b4c5d6e7f", null, ExampleValues.At)],
            ChangeToken.Encode(42), false),
        [typeof(ChangePage<Interaction>)] = () => new ChangePage<Interaction>(
            [new Change<Interaction>(
                7, ChangeToken.Encode(7), ChangeOp.Upsert, InteractionsExamples.InteractionId, InteractionsExamples.Example(mapping), null)],
            ChangeToken.Encode(7), false),
        [typeof(ChangePage<Review>)] = () => new ChangePage<Review>(
            [new Change<Review>(3, ChangeToken.Encode(3), ChangeOp.Upsert, ReviewsExamples.ReviewId, ReviewsExamples.Example(mapping), null)],
            ChangeToken.Encode(3), false),
        [typeof(ChangePage<Incident>)] = () => new ChangePage<Incident>(
            [new Change<Incident>(9, ChangeToken.Encode(9), ChangeOp.Upsert, IncidentsExamples.IncidentId, IncidentsExamples.Example(mapping), null)],
            ChangeToken.Encode(9), false),
        [typeof(ChangePage<Service>)] = () => new ChangePage<Service>(
            [new Change<Service>(2, ChangeToken.Encode(2), ChangeOp.Upsert, ServicesExamples.ServiceId, ServicesExamples.Example(mapping), null)],
            ChangeToken.Encode(2), false),
        [typeof(ChangePage<Deployment>)] = () => new ChangePage<Deployment>(
            [new Change<Deployment>(5, ChangeToken.Encode(5), ChangeOp.Upsert, DeploymentsExamples.DeploymentId, DeploymentsExamples.Example(mapping), null)],
            ChangeToken.Encode(5), false),
    };
}
