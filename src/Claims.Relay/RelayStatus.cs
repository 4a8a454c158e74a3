namespace Claims.Relay;

/// <summary>What the relay is doing, for /health: connected or not, how far the broker has confirmed, the last failure.</summary>
public sealed record RelayStatus(bool Enabled, bool Connected, long ConfirmedPosition, int ConsecutiveFailures, string? LastError, DateTimeOffset? LastErrorAt);
