using CxApi.Common;
using CxApi.Common.Auth;
using CxApi.Common.Validation;
using CxApi.Infrastructure.Entities;

namespace CxApi.Features.Reviews;

/// <summary>How a request becomes a stored review (the contract side is <see cref="ReviewsMappings"/>).</summary>
public static class ReviewsEntityMappings
{
    public static ReviewEntity ToEntity(this CreateReviewRequest r, Caller caller, long nowMicros) => new()
    {
        Id = Ids.New(),
        ClientId = caller.ClientId,
        CreatedByKeyId = caller.KeyId,
        ExternalId = CommonRules.CanonicalExternalId(r.ExternalId),
        ReceivedAtMicros = nowMicros,
        Source = r.Source!,
        Rating = r.Rating!.Value,
        Title = r.Title,
        Body = r.Body,
        Author = r.Author,
        Product = r.Product,
        Region = r.Region,
        Service = r.Service,
        Language = r.Language,
        PublishedAtMicros = UnixMicros.From(r.PublishedAt!.Value),
        CustomerId = r.CustomerId,
    };
}
