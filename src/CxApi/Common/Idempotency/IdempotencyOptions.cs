using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxApi.Common.Auth;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Common.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";
    /// <summary>How long a first response is kept for replays (at least 24 h).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);
}
