using Microsoft.AspNetCore.Mvc;

namespace CxApi.Features.Customers;

/// <summary>The customer an erasure or an export is about: the <c>customerId</c> records name.</summary>
public sealed record CustomerRequest([FromRoute] string CustomerId);
