using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CxApi.Infrastructure;

/// <summary>
/// Recognises the errors a database raises about the rows written, across providers, whether EF
/// (<see cref="DbUpdateException"/>) or ADO.NET (the raw SQLite statements of the ingest path) reported them.
/// </summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19, SqliteUnique = 2067, SqlitePrimaryKey = 1555, SqliteForeignKey = 787;
    // SQLite enforces ON DELETE RESTRICT through its trigger machinery and reports it with the trigger code, as it
    // does the schema's own RAISE(ABORT) triggers (the last admin key's guard); only its message tells them apart.
    private const int SqliteTrigger = 1811;

    /// <summary>A unique-index violation.</summary>
    public static bool IsUniqueViolation(Exception e) => Cause(e) switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => false,
    };

    /// <summary>A foreign-key violation: a row names a row that does not exist, or a deleted row is still named.</summary>
    public static bool IsForeignKeyViolation(Exception e) => Cause(e) switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteForeignKey } => true,
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteTrigger } s => s.Message.Contains("FOREIGN KEY", StringComparison.Ordinal),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } => true,
        _ => false,
    };

    /// <summary>The database refused to revoke or delete the last active admin key (the LastAdminGuard migration's trigger).</summary>
    public static bool IsLastAdminGuard(Exception e) => Cause(e) switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } s => s.Message.Contains(LastAdminGuard, StringComparison.Ordinal),
        PostgresException { SqlState: PostgresErrorCodes.CheckViolation } p => p.ConstraintName == LastAdminGuard,
        _ => false,
    };

    /// <summary>The name the last-admin trigger gives its error, on both providers.</summary>
    public const string LastAdminGuard = "cx_last_admin_key";

    /// <summary>
    /// The database answered and refused the data written: any integrity constraint (unique, foreign key, not
    /// null, check) or, on PostgreSQL, a value it cannot store (class 22, e.g. a NUL character in text). Such an
    /// error belongs to the rows written, as opposed to a database that does not answer.
    /// </summary>
    public static bool IsRefusedData(Exception e) => Cause(e) switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } => true,
        PostgresException { SqlState: var state } => state.StartsWith("23", StringComparison.Ordinal) || state.StartsWith("22", StringComparison.Ordinal),
        _ => false,
    };

    private static Exception? Cause(Exception e) => e is DbUpdateException ? e.InnerException : e;
}
