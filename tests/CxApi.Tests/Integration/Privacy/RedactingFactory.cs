using CxApi.Tests.Integration.Integrations;

namespace CxApi.Tests.Integration.Privacy;

/// <summary>The application with <c>Privacy__RedactComments</c> on, and the Typeform and PagerDuty integrations.</summary>
public sealed class RedactingFactory : IntegrationsFactory
{
    public RedactingFactory() => Settings["Privacy:RedactComments"] = "true";
}
