using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.Web.Features.Contacts;

/// <summary>
/// The import's checks on the rows <see cref="RecipientReader"/> gives: the number normalised as the send path stores
/// it (mainland first, then international), invalid and repeated numbers counted (the first row of a number wins),
/// and the header's other columns kept as fields.
/// </summary>
public sealed class ContactRowCheck(int maxInvalidSamples = RecipientListBuilder.DefaultMaxInvalidSamples)
{
    private readonly HashSet<long> _seen = [];
    private readonly List<InvalidRecipient> _invalid = [];
    private readonly List<string> _fieldNames = [];

    public int ValidCount { get; private set; }
    public int InvalidCount { get; private set; }
    public int DuplicateCount { get; private set; }
    public IReadOnlyList<InvalidRecipient> InvalidSamples => _invalid;
    /// <summary>The field names met, in the order of the file's columns.</summary>
    public IReadOnlyList<string> FieldNames => _fieldNames;

    public IEnumerable<ContactWriter.Row> Valid(IEnumerable<RecipientRow> rows)
    {
        foreach (var row in rows)
        {
            if (row.RawPhone.Length == 0)
            {
                Invalid(row, RecipientMessages.MissingPhone);
                continue;
            }
            if (!PhoneNumberRules.TryNormalize(row.RawPhone, international: false, out var number, out var error)
                && !PhoneNumberRules.TryNormalize(row.RawPhone, international: true, out number, out _))
            {
                Invalid(row, error!);
                continue;
            }
            if (!_seen.Add(number))
            {
                DuplicateCount++;
                continue;
            }
            ValidCount++;
            if (row.Variables is { } fields)
                foreach (var name in fields.Keys)
                    if (!_fieldNames.Contains(name, StringComparer.OrdinalIgnoreCase)) _fieldNames.Add(name);
            yield return new ContactWriter.Row(PhoneNumberRules.ToText(number), ContactFields.NameOf(row.Variables), ContactFields.Serialize(row.Variables));
        }
    }

    private void Invalid(RecipientRow row, string reason)
    {
        InvalidCount++;
        if (_invalid.Count < maxInvalidSamples) _invalid.Add(new InvalidRecipient(row.LineNumber, row.RawPhone, reason));
    }
}
