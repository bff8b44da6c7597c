namespace Qunfa.Web.Domain.Settings;

/// <summary>Signature, template code and variable name used to send one kind of verification code.</summary>
public sealed class VerificationScene
{
    public string SignName { get; set; } = "";
    public string TemplateCode { get; set; } = "";
    public string VariableName { get; set; } = "";
}
