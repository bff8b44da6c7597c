namespace Qunfa.Emulators.Sms;

/// <summary>Normalized numbers of one send packed in a single char buffer, so a 1000-number call is two allocations, not 1000.</summary>
internal sealed class PhoneList
{
    private readonly char[] _chars;
    private readonly int[] _ends;

    private PhoneList(char[] chars, int[] ends)
    {
        _chars = chars;
        _ends = ends;
    }

    public int Count => _ends.Length;

    public ReadOnlySpan<char> this[int i] => _chars.AsSpan(i == 0 ? 0 : _ends[i - 1], _ends[i] - (i == 0 ? 0 : _ends[i - 1]));

    public string GetString(int i) => new(this[i]);

    public bool Matches(int i, ReadOnlySpan<char> number) => this[i].SequenceEqual(number);

    public int IndexOf(ReadOnlySpan<char> number)
    {
        for (var i = 0; i < _ends.Length; i++)
        {
            if (Matches(i, number))
            {
                return i;
            }
        }
        return -1;
    }

    public IReadOnlyList<string> ToStrings() => Enumerable.Range(0, Count).Select(GetString).ToArray();

    internal sealed class Builder(int count, int maxChars)
    {
        private readonly char[] _chars = new char[maxChars];
        private readonly int[] _ends = new int[count];
        private int _count;
        private int _length;

        public void Add(ReadOnlySpan<char> number)
        {
            number.CopyTo(_chars.AsSpan(_length));
            _length += number.Length;
            _ends[_count++] = _length;
        }

        public PhoneList Build() => new(_chars, _ends);
    }
}
