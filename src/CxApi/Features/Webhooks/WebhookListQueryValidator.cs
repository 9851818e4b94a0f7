using CxApi.Common.Paging;

namespace CxApi.Features.Webhooks;

public sealed class WebhookListQueryValidator : ListQueryValidator<WebhookListQuery>;
