using Qunfa.Aliyun.Manage;
using Qunfa.Web.Domain.Messaging;

namespace Qunfa.Web.Features.Messaging.Signatures;

/// <summary>A signature application (申请签名), or the edit of a rejected one (the name then stays).</summary>
public sealed class SignatureInput
{
    public string? Name { get; set; }
    public SignatureType Type { get; set; } = SignatureType.General;
    public SmsSignSource Source { get; set; } = SmsSignSource.EnterpriseName;
    public string? Remark { get; set; }
    /// <summary>是否三证合一.</summary>
    public bool ThreeInOne { get; set; } = true;
    /// <summary>The signed 授权委托书 image (the customer authorizes the operator to use this signature).</summary>
    public IFormFile? LetterImage { get; set; }
    public string? LetterValidity { get; set; }
    /// <summary>Optional supporting material (e.g. a screenshot of the website or app).</summary>
    public IFormFile? Material { get; set; }

    public static SignatureInput From(Signature s) =>
        new() { Name = s.Name, Type = s.Type, Source = (SmsSignSource)s.Source, Remark = s.Remark, ThreeInOne = s.ThreeInOne };
}
