using CxApi.Features.Incidents;
using CxApi.Features.Interactions;
using CxApi.Features.Responses;
using CxApi.Features.Reviews;

namespace CxApi.Features.Customers;

/// <summary>
/// Everything held on one customer (the right of access): the responses that name the customer or rate one of the
/// customer's interactions, the interactions and reviews that name the customer, and the incidents whose
/// <c>customerIds</c> list the customer, each in its own read contract and oldest first. Empty lists for a customer
/// of whom nothing is held.
/// </summary>
public sealed record CustomerExport(
    string CustomerId,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<SurveyResponse> Responses,
    IReadOnlyList<Interaction> Interactions,
    IReadOnlyList<Review> Reviews,
    IReadOnlyList<Incident> Incidents);
