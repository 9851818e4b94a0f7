using CxApi.Infrastructure.Configurations;
using FluentValidation;

namespace CxApi.Features.Webhooks;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookRequest>
{
    public CreateWebhookValidator()
    {
        RuleFor(w => w.Url).NotEmpty().MaximumLength(AlertConfigurations.MaxUrl)
            .Must(BeDeliverable).WithMessage("'url' must be an absolute http or https URL without user name or password.");
        RuleFor(w => w.Events).NotEmpty().WithMessage($"'events' needs at least one of: {string.Join(", ", WebhookEvents.All)}.")
            .Must(e => e is null || e.Distinct(StringComparer.Ordinal).Count() == e.Count).WithMessage("Events must be unique.");
        RuleForEach(w => w.Events).Must(e => WebhookEvents.All.Contains(e))
            .WithMessage($"must be one of: {string.Join(", ", WebhookEvents.All)}");
    }

    /// <summary>http or https, a host, no credentials (they would be sent to, and logged by, every proxy on the way).</summary>
    public static bool BeDeliverable(string? url) =>
        url is null || Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0 && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0;
}
