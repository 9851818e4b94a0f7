namespace CxApi.Benchmarks;

/// <summary>What one server run measured.</summary>
public sealed record DatasetResult(
    Provider Provider, int Size, SeedResult Seed, WrkResult Nps, WrkResult TrendBerlin, WrkResult TrendUtc,
    WrkResult? Health, WrkResult? Ingest, WrkResult? Batch, double PeakRssMb,
    OperationsSeed Operations, IReadOnlyList<OperationsRead> OperationsReads);

/// <summary>One IT-operations endpoint as measured: its route (for the table) and the wrk run.</summary>
public sealed record OperationsRead(string Route, WrkResult Result);
