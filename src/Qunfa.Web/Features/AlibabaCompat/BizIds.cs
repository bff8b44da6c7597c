using System.Globalization;

namespace Qunfa.Web.Features.AlibabaCompat;

/// <summary>
/// The BizId handed back for an accepted send: the task id in Alibaba's shape (18 digits, "^0"), so
/// QuerySendDetails can find the task again without a lookup table.
/// </summary>
public static class BizIds
{
    public static string Of(long taskId) => taskId.ToString("D18", CultureInfo.InvariantCulture) + "^0";

    public static bool TryParse(string? bizId, out long taskId)
    {
        taskId = 0;
        if (bizId is null) return false;
        var caret = bizId.IndexOf('^');
        var digits = caret < 0 ? bizId : bizId[..caret];
        return digits.Length is > 0 and <= 18 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out taskId) && taskId > 0;
    }
}
