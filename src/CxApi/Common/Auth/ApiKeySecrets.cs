using System.Security.Cryptography;
using System.Text;

namespace CxApi.Common.Auth;

/// <summary>API keys: <c>cx_live_</c> + 256 random bits (base62). Only their SHA-256 is ever stored.</summary>
public static class ApiKeySecrets
{
    public const string KeyPrefix = "cx_live_";
    public const int PrefixLength = 12;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Generate() => KeyPrefix + RandomNumberGenerator.GetString(Alphabet, 43); // 43 × log₂ 62 ≈ 256 bits

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What lists show to recognise a key: its first characters.</summary>
    public static string DisplayPrefix(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];
}
