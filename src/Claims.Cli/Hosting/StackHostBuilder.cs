using Claims.Domain.Application;
using JasperFx.CommandLine;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Claims.Cli.Hosting;

/// <summary>
/// The Claims host as JasperFx's commands want it: an <see cref="IHostBuilder"/> they build (and dispose) themselves.
/// Claims bootstraps on <see cref="IHostApplicationBuilder"/> (<see cref="ClaimsStack.AddClaims"/>), so this adapts one;
/// what a command adds (its logging, for one) goes into the same builder. No daemon runs in this host: the projections
/// run in `claims serve` (ExternallyManaged says so to Marten, which then does not warn that they never run), and the
/// commands that replay events start daemons of their own, which a second one here would race on the same shards.
/// </summary>
public sealed class StackHostBuilder : IHostBuilder
{
    private readonly HostApplicationBuilder _builder;

    public StackHostBuilder(string connectionString)
    {
        _builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        _builder.AddClaims(connectionString, new ClaimsRuntimeOptions { Daemon = DaemonMode.ExternallyManaged });
    }

    /// <summary>Runs one JasperFx command (its name, then the tokens System.CommandLine accepted) on this host.</summary>
    public static Task<int> RunAsync<TCommand>(string connectionString, IEnumerable<string> tokens) where TCommand : IJasperFxCommand
    {
        // Only this command is registered: the executor neither scans the loaded assemblies (and says so on the console)
        // nor reaches a verb Claims does not offer.
        var executor = CommandExecutor.For(factory =>
        {
            factory.RegisterCommand<TCommand>();
            factory.ConfigureRun = run =>
            {
                if (run.Input is IHostBuilderInput input) input.HostBuilder = new StackHostBuilder(connectionString);
            };
        });
        return executor.ExecuteAsync([CommandFactory.CommandNameFor(typeof(TCommand)), .. tokens]);
    }

    private HostBuilderContext Context => new(Properties) { Configuration = _builder.Configuration, HostingEnvironment = _builder.Environment };

    public IDictionary<object, object> Properties => ((IHostApplicationBuilder)_builder).Properties;

    public IHostBuilder ConfigureHostConfiguration(Action<IConfigurationBuilder> configureDelegate)
    {
        configureDelegate(_builder.Configuration);
        return this;
    }

    public IHostBuilder ConfigureAppConfiguration(Action<HostBuilderContext, IConfigurationBuilder> configureDelegate)
    {
        configureDelegate(Context, _builder.Configuration);
        return this;
    }

    public IHostBuilder ConfigureServices(Action<HostBuilderContext, IServiceCollection> configureDelegate)
    {
        configureDelegate(Context, _builder.Services);
        return this;
    }

    public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory) where TContainerBuilder : notnull =>
        throw new NotSupportedException("The Claims host keeps the default service provider.");

    public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(Func<HostBuilderContext, IServiceProviderFactory<TContainerBuilder>> factory) where TContainerBuilder : notnull =>
        throw new NotSupportedException("The Claims host keeps the default service provider.");

    public IHostBuilder ConfigureContainer<TContainerBuilder>(Action<HostBuilderContext, TContainerBuilder> configureDelegate) =>
        throw new NotSupportedException("The Claims host keeps the default service provider.");

    public IHost Build() => _builder.Build();
}
