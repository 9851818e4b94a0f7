using CxApi.Common;
using CxApi.Common.Paging;
using CxApi.Infrastructure.Configurations;
using CxApi.Infrastructure.Entities;
using FluentValidation;

namespace CxApi.Features.Webhooks;

public sealed class WebhookListQueryValidator : ListQueryValidator<WebhookListQuery>;
