using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

public sealed class SqliteCxDbContext(DbContextOptions<SqliteCxDbContext> options) : CxDbContext(options);
