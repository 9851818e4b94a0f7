using CxApi.Common;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

public sealed class SqliteCxDbContext(DbContextOptions<SqliteCxDbContext> options) : CxDbContext(options);
