using Microsoft.EntityFrameworkCore;

namespace Qunfa.Web.Data;

public sealed class PostgresQunfaDbContext(DbContextOptions<PostgresQunfaDbContext> options) : QunfaDbContext(options);
