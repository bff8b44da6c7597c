using System.Text;

namespace Qunfa.Emulators.Signing;

/// <summary>RFC 3986 encoding as Alibaba's POP gateway applies it: only A–Z a–z 0–9 - _ . ~ stay literal.</summary>
internal static class AliyunPercentEncoder
{
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        if (IsAllUnreserved(value))
        {
            return value;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }
        return sb.ToString();
    }

    private static bool IsAllUnreserved(string value)
    {
        foreach (var c in value)
        {
            if (c > 0x7F || !IsUnreserved((byte)c))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
