using System.Globalization;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// How rows are checked: whether the template is international, the variables it needs and the values
/// filled in on the form, which a row's own column overrides.
/// </summary>
public sealed record RecipientListOptions(
    bool International = false,
    IReadOnlyList<string>? TemplateVariables = null,
    IReadOnlyDictionary<string, string>? CommonValues = null,
    int MaxInvalidSamples = RecipientListBuilder.DefaultMaxInvalidSamples);

/// <summary>Normalises, checks and de-duplicates rows (the first valid occurrence of a number wins).</summary>
public sealed class RecipientListBuilder
{
    public const int DefaultMaxInvalidSamples = 10_000;

    private readonly RecipientListOptions _options;
    private readonly string[] _variables;
    private readonly string[] _rowValues;
    private readonly HashSet<long> _seen = [];
    private readonly List<long> _phones = [];
    private readonly List<string> _values = [];
    private readonly List<InvalidRecipient> _invalid = [];
    private int _invalidCount;
    private int _duplicateCount;
    private bool _anyOwnValue;

    public RecipientListBuilder(RecipientListOptions? options = null)
    {
        _options = options ?? new RecipientListOptions();
        _variables = [.. _options.TemplateVariables ?? []];
        _rowValues = new string[_variables.Length];
    }

    /// <summary>Reads all rows; a refused file gives a list with only the problem, so nothing of it is kept.</summary>
    public static RecipientList Build(IEnumerable<RecipientRow> rows, RecipientListOptions? options = null)
    {
        var builder = new RecipientListBuilder(options);
        try
        {
            foreach (var row in rows) builder.Add(row);
        }
        catch (RecipientFileException e)
        {
            return RecipientList.Refused(e.Message);
        }
        return builder.Build();
    }

    public void Add(RecipientRow row)
    {
        if (row.RawPhone.Length == 0)
        {
            Invalid(row, RecipientMessages.MissingPhone);
            return;
        }
        if (!PhoneNumberRules.TryNormalize(row.RawPhone, _options.International, out var number, out var error))
        {
            Invalid(row, error!);
            return;
        }
        // A repeated number is a duplicate whatever its row lacks: the first row decides whether it is sent.
        if (_seen.Contains(number))
        {
            _duplicateCount++;
            return;
        }
        if (MissingVariables(row) is { } missing)
        {
            Invalid(row, string.Format(CultureInfo.InvariantCulture, RecipientMessages.MissingVariable, missing), missing);
            return;
        }
        _seen.Add(number);
        _phones.Add(number);
        _values.AddRange(_rowValues);
    }

    public RecipientList Build()
    {
        // Values only from the form are the same for everyone: the list then carries none per number,
        // so the send goes out as SendSms of 1000 rather than SendBatchSms of 100.
        var valid = _anyOwnValue ? new CompactRecipients(_phones, _variables, _values) : new CompactRecipients(_phones, [], []);
        List<string> problems = [];
        if (_phones.Count == 0) problems.Add(_invalidCount == 0 && _duplicateCount == 0 ? RecipientMessages.Empty : RecipientMessages.AllInvalid);
        return new RecipientList(valid, _invalidCount, _duplicateCount, _invalid, problems);
    }

    private string? MissingVariables(RecipientRow row)
    {
        List<string>? missing = null;
        for (var i = 0; i < _variables.Length; i++)
        {
            var name = _variables[i];
            string? own = null;
            var ownValue = row.Variables is not null && row.Variables.TryGetValue(name, out own) && !string.IsNullOrWhiteSpace(own);
            _anyOwnValue |= ownValue;
            var value = ownValue ? own!.Trim()
                : _options.CommonValues is not null && _options.CommonValues.TryGetValue(name, out var common) && !string.IsNullOrWhiteSpace(common) ? common.Trim()
                : null;
            if (value is null) (missing ??= []).Add(name);
            else _rowValues[i] = value;
        }
        return missing is null ? null : string.Join("、", missing);
    }

    private void Invalid(RecipientRow row, string reason, string? argument = null)
    {
        _invalidCount++;
        if (_invalid.Count < _options.MaxInvalidSamples) _invalid.Add(new InvalidRecipient(row.LineNumber, row.RawPhone, reason, argument));
    }
}
