using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Qunfa.Web.Infrastructure.TagHelpers;

/// <summary>
/// One labelled form row: <c>&lt;qf-field for="Input.Email" label="您的邮箱" required /&gt;</c> renders the
/// localized label, the input with its posted value, an optional hint and the field's messages.
/// </summary>
[HtmlTargetElement("qf-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator, IStringLocalizer<SharedResource> localizer) : TagHelper
{
    [HtmlAttributeName("for")] public required ModelExpression For { get; set; }
    public required string Label { get; set; }
    public string Type { get; set; } = "text";
    public bool Required { get; set; }
    public string? Hint { get; set; }
    public string? Placeholder { get; set; }
    public string? Autocomplete { get; set; }

    [ViewContext, HtmlAttributeNotBound] public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "mb-3 row");

        // Inside a partial rendered with for="…" the expression is relative to that prefix.
        var fullName = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(fullName, "_");
        var label = new TagBuilder("label");
        label.AddCssClass("col-sm-3 col-form-label text-sm-end");
        label.Attributes["for"] = id;
        if (Required) label.InnerHtml.AppendHtml("<span class=\"text-danger\">*</span> ");
        label.InnerHtml.Append(localizer[Label] + "：");

        var value = Type == "password" ? null : For.Model;
        var input = Type == "password"
            ? generator.GeneratePassword(ViewContext, For.ModelExplorer, For.Name, null, null)
            : generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, value, null, null);
        input.Attributes["type"] = Type;
        input.Attributes["id"] = id;
        input.AddCssClass("form-control");
        if (Required) input.Attributes["aria-required"] = "true";
        if (Placeholder is not null) input.Attributes["placeholder"] = localizer[Placeholder];
        if (Autocomplete is not null) input.Attributes["autocomplete"] = Autocomplete;
        var errors = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) ? entry.Errors : null;
        if (errors is { Count: > 0 })
        {
            input.AddCssClass("is-invalid");
            input.Attributes["aria-invalid"] = "true";
            input.Attributes["aria-describedby"] = id + "_errors";
        }

        var body = new TagBuilder("div");
        body.AddCssClass("col-sm-9");
        body.InnerHtml.AppendHtml(input);
        if (Hint is not null)
            body.InnerHtml.AppendHtml($"<div class=\"form-hint\">{System.Net.WebUtility.HtmlEncode(localizer[Hint])}</div>");
        if (errors is { Count: > 0 })
        {
            // Every broken rule is shown, not just the first (the password rules in particular).
            var list = new TagBuilder("div");
            list.Attributes["id"] = id + "_errors";
            foreach (var error in errors)
            {
                var line = new TagBuilder("span");
                line.AddCssClass("field-validation-error");
                line.InnerHtml.Append(error.ErrorMessage);
                list.InnerHtml.AppendHtml(line);
            }
            body.InnerHtml.AppendHtml(list);
        }

        output.Content.AppendHtml(label);
        output.Content.AppendHtml(body);
    }
}
