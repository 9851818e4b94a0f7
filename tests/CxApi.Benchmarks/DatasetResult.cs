namespace CxApi.Benchmarks;

/// <summary>What one server run measured.</summary>
public sealed record DatasetResult(
    Provider Provider, int Size, SeedResult Seed, WrkResult Nps, WrkResult TrendBerlin, WrkResult TrendUtc,
    WrkResult? Health, WrkResult? Ingest, WrkResult? Batch, double PeakRssMb);
