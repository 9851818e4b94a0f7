using CxApi.Common.Paging;

namespace CxApi.Features.ApiKeys;

public sealed class ApiKeyListQueryValidator : ListQueryValidator<ApiKeyListQuery>;
