using System.Collections;

namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>
/// A million recipients as longs plus one flat array of variable values, so the list stays small;
/// <see cref="ValidRecipient"/> objects are made only when read.
/// </summary>
internal sealed class CompactRecipients(List<long> phones, string[] variableNames, List<string> values) : IReadOnlyList<ValidRecipient>
{
    public int Count => phones.Count;

    public ValidRecipient this[int index]
    {
        get
        {
            if (variableNames.Length == 0) return new ValidRecipient(PhoneNumberRules.ToText(phones[index]), null);
            var variables = new Dictionary<string, string>(variableNames.Length, StringComparer.Ordinal);
            for (var j = 0; j < variableNames.Length; j++) variables[variableNames[j]] = values[index * variableNames.Length + j];
            return new ValidRecipient(PhoneNumberRules.ToText(phones[index]), variables);
        }
    }

    public IEnumerator<ValidRecipient> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
