using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CxApi.Infrastructure;

/// <summary>Recognises constraint violations across providers.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19, SqliteUnique = 2067, SqlitePrimaryKey = 1555, SqliteForeignKey = 787;

    /// <summary>A unique-index violation, whether EF (DbUpdateException) or ADO.NET reported it.</summary>
    public static bool IsUniqueViolation(Exception e) => (e is DbUpdateException ? e.InnerException : e) switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    public static bool IsForeignKeyViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteForeignKey } => true,
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } => true,
        _ => false,
    };

    /// <summary>The database refused to revoke or delete the last active admin key (the LastAdminGuard migration's trigger).</summary>
    public static bool IsLastAdminGuard(DbUpdateException e) => e.InnerException switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } s => s.Message.Contains(LastAdminGuard, StringComparison.Ordinal),
        PostgresException { SqlState: PostgresErrorCodes.CheckViolation } p => p.ConstraintName == LastAdminGuard,
        _ => false,
    };

    /// <summary>The name the last-admin trigger gives its error, on both providers.</summary>
    public const string LastAdminGuard = "cx_last_admin_key";

    /// <summary>An integrity-constraint error (the request conflicts with data), as opposed to a database that does not answer.</summary>
    public static bool IsConstraintViolation(System.Data.Common.DbException e) => e switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } => true,
        PostgresException { SqlState: var state } => state.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };
}
