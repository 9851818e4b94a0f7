using CxApi.Common.Paging;
using Microsoft.AspNetCore.Mvc;

namespace CxApi.Features.Customers;

/// <summary><c>type</c> (repeatable): response, interaction, review or incident; none means all four.</summary>
public sealed record TimelineQuery(
    [FromRoute] string CustomerId,
    string[]? Type,
    string? From,
    string? To,
    int? Limit,
    string? Cursor) : IListQuery;
