using System.Text.RegularExpressions;
using Qunfa.Aliyun.Manage;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Messaging.Signatures;

/// <summary>Alibaba's signature rules, checked before anything is sent: 2–12 characters of Chinese, letters or digits, never "测试"/"test".</summary>
public static partial class SignatureRules
{
    public static Outcome Check(SignatureInput input, bool checkName)
    {
        var o = new Outcome();
        if (checkName)
        {
            var name = input.Name?.Trim() ?? "";
            if (name.Length == 0) o.Add(nameof(input.Name), "请填写签名名称");
            else if (name.Length is < 2 or > 12) o.Add(nameof(input.Name), "签名名称长度为2-12个字符");
            else if (!NamePattern().IsMatch(name)) o.Add(nameof(input.Name), "签名名称只能包含中文、英文字母和数字，不能包含空格、括号和标点符号");
            if (name.Contains("测试", StringComparison.Ordinal) || name.Contains("test", StringComparison.OrdinalIgnoreCase))
                o.Add(nameof(input.Name), "签名名称不能包含“测试”或“test”");
        }
        if (!Enum.IsDefined(input.Type)) o.Add(nameof(input.Type), "请选择签名类型");
        if (!Enum.IsDefined(input.Source)) o.Add(nameof(input.Source), "请选择签名来源");
        if (input.Remark is { Length: > SmsSignApplication.MaxRemarkLength }) o.Add(nameof(input.Remark), "签名备注不能超过200个字符");
        return o;
    }

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z0-9]+$")]
    private static partial Regex NamePattern();
}
