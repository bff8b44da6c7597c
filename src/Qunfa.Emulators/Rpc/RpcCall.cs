namespace Qunfa.Emulators.Rpc;

internal sealed class RpcCall
{
    public required EmulatorState State { get; init; }

    public required AccountState Account { get; init; }

    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required HttpContext Http { get; init; }

    public required string EmulatorPrefix { get; init; }

    public string? Get(string name) => Parameters.TryGetValue(name, out var v) ? v : null;

    /// <summary>Only for parameters the action declared required; the gateway has already checked them.</summary>
    public string Req(string name) => Parameters[name];

    public bool TryGetInt(string name, out int value)
    {
        value = 0;
        return Get(name) is { } s && int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    public bool GetBool(string name, bool fallback) =>
        Get(name) is { } s ? string.Equals(s, "true", StringComparison.OrdinalIgnoreCase) : fallback;

    public string EmulatorBaseUrl()
    {
        var r = Http.Request;
        return $"{r.Scheme}://{r.Host.Value}{r.PathBase.Value}{EmulatorPrefix}";
    }
}
