namespace CxApi.Common;

/// <summary>
/// Record times are stored as Unix epoch microseconds (UTC): both providers then compare, order and
/// bucket them as plain 64-bit integers, and PostgreSQL's own precision (1 µs) is kept.
/// </summary>
public static class UnixMicros
{
    public static long From(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset ToDateTimeOffset(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond);

    public static DateTimeOffset? ToDateTimeOffset(long? micros) => micros is { } m ? ToDateTimeOffset(m) : null;

    public static long? From(DateTimeOffset? value) => value is { } v ? From(v) : null;
}
