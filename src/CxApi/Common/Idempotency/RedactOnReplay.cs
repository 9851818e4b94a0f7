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

/// <summary>Endpoint metadata: this JSON property of the response is not kept for replays (secrets).</summary>
public sealed record RedactOnReplay(string Property);
