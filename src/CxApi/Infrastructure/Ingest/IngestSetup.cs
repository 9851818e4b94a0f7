namespace CxApi.Infrastructure.Ingest;

public static class IngestSetup
{
    /// <summary>The ingest path (its provider's <see cref="IRecordRowWriter"/> comes with the database, see <see cref="DatabaseSetup"/>).</summary>
    public static IServiceCollection AddCxIngest(this IServiceCollection services, IConfiguration configuration) => services
        .Configure<GroupCommitOptions>(configuration.GetSection(GroupCommitOptions.Section))
        .AddSingleton<RecordInsertInterceptor>()
        .AddSingleton<IngestUnitOfWork>()
        .AddSingleton<GroupCommit>()
        .AddHostedService(sp => sp.GetRequiredService<GroupCommit>())
        .AddSingleton<RecordIngest>();
}
