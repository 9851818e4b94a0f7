namespace CxApi.Infrastructure;

public sealed record InteractionAggregate(
    string? GroupKey, int Bucket, long Count, long Resolved, long ResolvedFirstContact, long Escalated, long Abandoned,
    long WithFirstResponse, long WithinSla, double FirstResponseMicros, double ResolutionMicros);
