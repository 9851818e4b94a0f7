using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Common.Validation;
using FluentValidation;

namespace CxApi.Features.ApiKeys;

public sealed class ApiKeyListQueryValidator : ListQueryValidator<ApiKeyListQuery>;
