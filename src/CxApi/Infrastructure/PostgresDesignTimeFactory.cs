using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CxApi.Infrastructure;

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCxDbContext>
{
    public PostgresCxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCxDbContext>().UseNpgsql("Host=localhost;Database=cx_design_time").Options);
}
