using CxApi.Common.Formats;
using CxApi.Features.Admin;
using CxApi.Features.Demo;
using CxApi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CxApi.Tests.Integration.Demo;

/// <summary>The real application over its own database, filled once by the demo load at a small size (what <c>--demo --demo-size 3000</c> does).</summary>
public sealed class DemoFixture : CxApiFactory, IAsyncLifetime
{
    public const int Size = 3000;

    public DemoSummary Summary { get; private set; } = null!;

    public StringWriter Progress { get; } = new();

    /// <summary>What the rollup rebuild and the CSV export log (at Information, which the tests otherwise leave out).</summary>
    public LogLines Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging
            .AddProvider(Log)
            .AddFilter(typeof(RollupRebuild).FullName, LogLevel.Information)
            .AddFilter(typeof(CsvExport).FullName, LogLevel.Information));
    }

    public async Task InitializeAsync() =>
        Summary = await DemoLoader.LoadAsync(Services, new DemoSwitch(Size, Seed: 1), (label, total) => new ConsoleProgress(label, total, Progress, inPlace: false),
            CancellationToken.None) ?? throw new InvalidOperationException("The demo load refused the fixture's new database.");

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
