using Npgsql;

namespace Claims.Domain.Projections.Running;

/// <summary>
/// Creates each table projection's schema before anything reads or writes it. Marten creates its own tables (events,
/// progress) but knows nothing of these; a version not seen before gets a fresh schema that Marten's daemon then fills
/// from the start of the log. Called at start-up under ClaimsStack's start lock, so processes starting together take turns.
/// Returns whether it made any schema (a read model about to replay the whole log).
/// </summary>
public static class TableSchemas
{
    public static async Task<bool> EnsureAsync(NpgsqlDataSource dataSource, IEnumerable<TableProjection> projections, CancellationToken ct)
    {
        var created = false;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var projection in projections)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var context = new ProjectionContext(connection, transaction, projection.Schema);
            var exists = (await context.QueryAsync("select 1 from pg_namespace where nspname = $1", r => r.GetInt32(0), ct, projection.Schema)).Count > 0;
            if (!exists)
            {
                await context.ExecuteAsync($"create schema {projection.Schema}", ct);
                await projection.Projection.CreateSchemaAsync(context, ct);
                created = true;
            }
            await transaction.CommitAsync(ct);
        }
        return created;
    }
}
