using CxApi.Common.OpenApi;
using CxApi.Common.Paging;
using Mapster;

namespace CxApi.Features.Reviews;

/// <summary>OpenAPI examples of the review bodies; the review is what the mappings make of the create example.</summary>
public sealed class ReviewsExamples(TypeAdapterConfig mapping) : IOpenApiExamples
{
    public const string ReviewId = "0193a4f1-2c4d-7f66-b2e3-7a8b9c0d1e2f";

    private const string Create = """
        { "source": "trustpilot", "externalId": "tp-5521", "rating": 4, "title": "Solid", "body": "Fast delivery",
          "author": "Ana", "product": "mobile-app", "region": "emea", "language": "en",
          "publishedAt": "2026-11-19T18:00:00Z", "customerId": null }
        """;

    public IReadOnlyDictionary<Type, string> Requests { get; } = new Dictionary<Type, string> { [typeof(CreateReviewRequest)] = Create };

    public IReadOnlyDictionary<Type, Func<object>> Responses => new Dictionary<Type, Func<object>>
    {
        [typeof(Review)] = () => Example(mapping),
        [typeof(Page<Review>)] = () => new Page<Review>([Example(mapping)], null),
    };

    /// <summary>The example review, as the API answers it (also in the changes feed).</summary>
    public static Review Example(TypeAdapterConfig mapping) =>
        ExampleValues.Read<CreateReviewRequest>(Create).ToEntity(ExampleValues.Partner, ExampleValues.Now)
            .Adapt<Review>(mapping) with
        { Id = ReviewId };
}
