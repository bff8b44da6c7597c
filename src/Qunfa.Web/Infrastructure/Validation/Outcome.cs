namespace Qunfa.Web.Infrastructure.Validation;

/// <summary>
/// What a use case answers: success, or messages keyed by the field they belong to ("" for the form).
/// Messages are resource keys (Chinese text), localized where they are shown.
/// </summary>
public sealed class Outcome
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Succeeded => _errors.Count == 0;
    public IReadOnlyDictionary<string, List<string>> Errors => _errors;

    public static Outcome Ok() => new();

    public static Outcome Fail(string field, string message) => new Outcome().Add(field, message);

    public Outcome Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Outcome Require(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, message);
        return this;
    }
}
