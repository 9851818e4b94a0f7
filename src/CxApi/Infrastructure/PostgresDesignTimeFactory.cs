using CxApi.Infrastructure.Ingest;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace CxApi.Infrastructure;

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCxDbContext>
{
    public PostgresCxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCxDbContext>().UseNpgsql("Host=localhost;Database=cx_design_time").Options);
}
