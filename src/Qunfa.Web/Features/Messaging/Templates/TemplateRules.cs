using System.Text.Json;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Infrastructure.Validation;

namespace Qunfa.Web.Features.Messaging.Templates;

/// <summary>What the carrier would refuse, checked before anything is sent to it.</summary>
public static class TemplateRules
{
    public const int MaxNameLength = 30;

    public static Outcome Check(TemplateInput input, IReadOnlyCollection<string> approvedSignNames)
    {
        var o = new Outcome()
            .Require(nameof(input.Name), input.Name, "请填写模板名称")
            .Require(nameof(input.Content), input.Content, "请填写模板内容")
            .Require(nameof(input.Remark), input.Remark, "请填写申请说明");
        if (input.Name is { Length: > MaxNameLength }) o.Add(nameof(input.Name), "模板名称不能超过30个字符");
        if (!Enum.IsDefined(input.Type)) o.Add(nameof(input.Type), "请选择模板类型");
        if (input.Remark is { Length: > 200 }) o.Add(nameof(input.Remark), "申请说明不能超过200个字符");

        var content = input.Content?.Trim() ?? "";
        if (Segments.Length(content) > Segments.MaxContentLength) o.Add(nameof(input.Content), "模板内容不能超过500个字符");
        if (content.Length > 0 && !TemplateText.IsWellFormed(content))
            o.Add(nameof(input.Content), "变量格式应为${变量名}，变量名只能包含字母、数字和下划线，且不能以数字开头");
        var variables = TemplateText.Variables(content);
        if (input.Type == TemplateType.VerificationCode && variables.Count != 1)
            o.Add(nameof(input.Content), "验证码模板必须且只能包含一个变量，例如${code}");
        if (input.Type == TemplateType.Promotion && variables.Count > 0)
            o.Add(nameof(input.Content), "推广短信模板不支持变量");
        if (input.Type == TemplateType.Promotion && content.Length > 0 && !Replies.OptOutWords.HasInstruction(content))
            o.Add(nameof(input.Content), Replies.OptOutWords.MissingInstructionMessage);
        if (content.Contains('【') || content.Contains('】'))
            o.Add(nameof(input.Content), "模板内容不能包含【】，签名会自动添加");

        if (input.Type != TemplateType.International)
        {
            if (string.IsNullOrWhiteSpace(input.RelatedSignName)) o.Add(nameof(input.RelatedSignName), "请选择关联签名");
            else if (!approvedSignNames.Contains(input.RelatedSignName.Trim())) o.Add(nameof(input.RelatedSignName), "关联签名必须是您已审批通过的签名");
        }
        return o;
    }

    /// <summary>The TemplateRule JSON the carrier asks for when the content has variables.</summary>
    public static string? VariableRules(TemplateType type, string content)
    {
        var variables = TemplateText.Variables(content);
        if (variables.Count == 0) return null;
        var rule = type == TemplateType.VerificationCode ? "characterWithNumber" : "others";
        return JsonSerializer.Serialize(variables.ToDictionary(v => v, _ => rule));
    }
}
