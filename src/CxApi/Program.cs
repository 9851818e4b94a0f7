using CxApi.Common.Auth;
using CxApi.Common.Http;
using CxApi.Common.Idempotency;
using CxApi.Common.Json;
using CxApi.Common.Mapping;
using CxApi.Common.OpenApi;
using CxApi.Common.Privacy;
using CxApi.Common.Problems;
using CxApi.Common.Validation;
using CxApi.Features.Admin;
using CxApi.Features.Alerts;
using CxApi.Features.ApiKeys;
using CxApi.Features.Audit;
using CxApi.Features.Changes;
using CxApi.Features.Customers;
using CxApi.Features.Demo;
using CxApi.Features.Deployments;
using CxApi.Features.Health;
using CxApi.Features.Incidents;
using CxApi.Features.Integrations;
using CxApi.Features.Interactions;
using CxApi.Features.Metrics;
using CxApi.Features.Operations;
using CxApi.Features.Overview;
using CxApi.Features.Records;
using CxApi.Features.Responses;
using CxApi.Features.Retention;
using CxApi.Features.Reviews;
using CxApi.Features.Services;
using CxApi.Features.Surveys;
using CxApi.Features.Webhooks;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Ingest;

if (!DemoSwitch.TryTake(ref args, out var demo)) return 64; // before the host reads args: see DemoSwitch
var builder = WebApplication.CreateBuilder(args);

builder.ConfigureCxKestrel();
builder.AddCxDatabase();
builder.Services
    .AddSingleton(TimeProvider.System)
    .AddCxJson()
    .AddCxProblems()
    .AddCxValidation()
    .AddCxMapping(typeof(Program).Assembly)
    .AddCxOpenApi(typeof(Program).Assembly, new BatchBodyShape(typeof(BatchRequest), BatchRequest.MaxItems))
    .AddCxHealthChecks()
    .AddCxAuth(builder.Configuration)
    .AddCxRateLimiting(builder.Configuration)
    .AddCxCors(builder.Configuration)
    .AddCxInstance(builder.Configuration)
    .AddCxIdempotency(builder.Configuration)
    .AddCxIngest(builder.Configuration)
    .AddCxPrivacy(builder.Configuration)
    .AddScoped<SurveyLookup>()
    .AddScoped<RecordBatches>()
    .Configure<MetricsOptions>(builder.Configuration.GetSection(MetricsOptions.Section))
    .AddScoped<MetricsReadDatabase>()
    .AddScoped<MetricCounting>()
    .AddSingleton<SettledFigures>()
    .AddScoped<MetricEngine>()
    .AddScoped<ImpactMeasurement>()
    .AddCxWebhooks(builder.Configuration)
    .AddCxAlerts(builder.Configuration)
    .AddCxRegressionWatch(builder.Configuration)
    .AddCxIntegrations(builder.Configuration)
    .AddCxAudit()
    .AddCxForwardedHeaders(builder.Configuration)
    .AddCxRetention(builder.Configuration);

var app = builder.Build();

app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme (only from known proxies)
app.UseCxResponseHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseCxOverviewPage();
app.UseCxOpenApi();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<BodySizeLimitMiddleware>(); // only now, for a caller admitted by both, is a body read
app.UseMiddleware<IdempotencyMiddleware>();
app.UseMiddleware<ConditionalGetMiddleware>();

app.MapHealth();
app.MapApiKeys();
app.MapAdmin();
app.MapSurveys();
app.MapResponses();
app.MapInteractions();
app.MapReviews();
app.MapDeployments();
app.MapIncidents();
app.MapIntegrations();
app.MapServices();
app.MapAvailability();
app.MapImpact();
app.MapChangesMetric();
app.MapScorecard();
app.MapMetrics();
app.MapChanges();
app.MapAlerts();
app.MapWebhooks();
app.MapDrivers();
app.MapCustomers();
app.MapCustomerData();
app.MapAudit();

await app.MigrateCxDatabaseAsync();
await app.ProtectWebhookSecretsAsync();
if (demo is not null && !await app.LoadDemoAsync(demo)) return 1;
await app.EnsureAdminKeyAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
