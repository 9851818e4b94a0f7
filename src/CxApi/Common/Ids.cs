using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CxApi.Common;

public static class Ids
{
    private const int PoolSize = 4096;

    [ThreadStatic] private static byte[]? pool;
    [ThreadStatic] private static int used;

    /// <summary>Time-ordered (UUID v7) so that new rows append to the primary-key index.</summary>
    public static string New() => NewVersion7(DateTimeOffset.UtcNow).ToString();

    /// <summary>
    /// A UUID v7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then 74 cryptographically random bits. Unlike
    /// <see cref="Guid.CreateVersion7()"/>, which asks the kernel for 16 random bytes per id (a system call each, 6 % of
    /// batch ingest's CPU), the random bits come from a per-thread pool refilled 4 KB at a time.
    /// </summary>
    internal static Guid NewVersion7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        NextRandom(bytes[6..]);
        Span<byte> millis = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(millis, at.ToUnixTimeMilliseconds());
        millis[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // variant 10
        return new Guid(bytes, bigEndian: true);
    }

    private static void NextRandom(Span<byte> destination)
    {
        if (pool is null || used + destination.Length > PoolSize)
        {
            pool ??= new byte[PoolSize];
            RandomNumberGenerator.Fill(pool);
            used = 0;
        }
        pool.AsSpan(used, destination.Length).CopyTo(destination);
        used += destination.Length;
    }
}
