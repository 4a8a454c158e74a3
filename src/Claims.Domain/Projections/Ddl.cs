using Claims.Domain.Projections.Running;

namespace Claims.Domain.Projections;

internal static class Ddl
{
    /// <summary>
    /// Runs a script one statement per command. Several DDL statements in one Npgsql 10 command desynchronised the
    /// protocol when three projections created their schemas at once ("Received backend message ParseComplete while
    /// expecting ReadyForQueryMessage"), and the broken pooled connector then failed unrelated reads.
    /// </summary>
    public static async Task RunAsync(ProjectionContext ctx, string script, CancellationToken ct)
    {
        foreach (var statement in script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            await ctx.ExecuteAsync(statement, ct);
    }
}
