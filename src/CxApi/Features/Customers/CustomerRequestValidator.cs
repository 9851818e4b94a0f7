using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.Customers;

/// <summary>A customer id as records take it: not blank, at most 200 characters.</summary>
public sealed class CustomerRequestValidator : AbstractValidator<CustomerRequest>
{
    public CustomerRequestValidator() =>
        RuleFor(r => r.CustomerId).NotEmpty().Name();
}
