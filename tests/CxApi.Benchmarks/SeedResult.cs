namespace CxApi.Benchmarks;

public sealed record SeedResult(int Items, TimeSpan Elapsed)
{
    public double ItemsPerSec => Items / Elapsed.TotalSeconds;
}
