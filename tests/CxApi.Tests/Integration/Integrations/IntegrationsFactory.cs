using CxApi.Common;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Tests.Integration.Integrations;

/// <summary>The application with all three integrations on, as an operator would set them from the environment.</summary>
public class IntegrationsFactory : CxApiFactory
{
    public const string PagerDutySecret = "pagerduty-test-secret", GitHubSecret = "github-test-secret", TypeformSecret = "typeform-test-secret";

    /// <summary>The CSAT survey the sample typeform (<c>lT4Z3j</c>) answers; the settings name it, so it is stored with this id.</summary>
    public const string TypeformSurveyId = "0193a4f1-7e57-7000-8000-00000000f001";

    /// <summary>A PagerDuty service and a repository the settings map to catalogue keys.</summary>
    public const string MappedPagerDutyService = "PMAPPED1", MappedRepository = "shop-frontend";

    public IntegrationsFactory()
    {
        Settings["Integrations:PagerDuty:Secret"] = PagerDutySecret;
        Settings[$"Integrations:PagerDuty:Services:{MappedPagerDutyService}"] = "checkout-web";
        Settings["Integrations:GitHub:Secret"] = GitHubSecret;
        Settings[$"Integrations:GitHub:Services:{MappedRepository}"] = "checkout-web";
        Settings["Integrations:Typeform:Secret"] = TypeformSecret;
        Settings["Integrations:Typeform:Forms:lT4Z3j:SurveyId"] = TypeformSurveyId;
        Settings["Integrations:Typeform:Forms:lT4Z3j:ScoreField"] = "readable_ref_rating";
        Settings["Integrations:Typeform:Forms:lT4Z3j:CommentField"] = "readable_ref_long_text";
        Settings["Integrations:Typeform:Forms:lT4Z3j:CustomerHidden"] = "user_id";
    }

    /// <summary>Stores the CSAT survey the typeform mapping names (once).</summary>
    public Task EnsureTypeformSurveyAsync() => WithDbAsync(async db =>
    {
        if (await db.Surveys.AnyAsync(s => s.Id == TypeformSurveyId)) return 0;
        db.Surveys.Add(new SurveyEntity
        {
            Id = TypeformSurveyId,
            Name = "Weather CSAT (Typeform)",
            Kind = SurveyKind.Csat,
            Active = true,
            CreatedAtMicros = UnixMicros.From(DateTimeOffset.UtcNow),
            UpdatedAtMicros = UnixMicros.From(DateTimeOffset.UtcNow),
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>How many deliveries of <paramref name="tool"/> were taken.</summary>
    public Task<int> DeliveriesAsync(string tool) => WithDbAsync(db => db.Set<IntegrationDeliveryEntity>().CountAsync(d => d.Tool == tool));
}
