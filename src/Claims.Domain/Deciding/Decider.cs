namespace Claims.Domain.Deciding;

/// <summary>
/// The Decider shape: pure functions only. <see cref="Decide"/> turns a command and the current state into new events
/// (or throws a domain exception to refuse it); <see cref="Evolve"/> folds one event into the state.
/// </summary>
public sealed record Decider<TCommand, TEvent, TState>(
    Func<TCommand, TState, IReadOnlyList<TEvent>> Decide,
    Func<TState, TEvent, TState> Evolve,
    TState Initial);
