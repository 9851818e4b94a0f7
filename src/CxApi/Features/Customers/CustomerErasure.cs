namespace CxApi.Features.Customers;

/// <summary>
/// What an erasure removed: the customer's responses (with those that rate the customer's interactions), interactions
/// and reviews, and the incidents whose <c>customerIds</c> no longer list the customer. Zeros when nothing was held.
/// </summary>
public sealed record CustomerErasure(int Responses, int Interactions, int Reviews, int Incidents);
