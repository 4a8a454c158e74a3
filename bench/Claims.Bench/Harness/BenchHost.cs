using Claims.Domain.Application;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Claims.Bench.Harness;

/// <summary>
/// Claims' one bootstrap (<see cref="ClaimsStack.AddClaims"/>) with one Marten setting changed on top, for the rows that
/// show what a setting Claims does not use would change (Marten's Rich append mode, its LISTEN/NOTIFY wakeup of the
/// daemon). Stop and dispose the host; <see cref="ClaimsRuntime.Of"/> gives the usual handles.
/// </summary>
public static class BenchHost
{
    public static async Task<IHost> StartAsync(string connectionString, ClaimsRuntimeOptions options, Action<StoreOptions> marten)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddClaims(connectionString, options);
        builder.Services.ConfigureMarten(marten);
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return host;
    }
}
