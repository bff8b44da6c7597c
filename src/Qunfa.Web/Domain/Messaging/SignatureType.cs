namespace Qunfa.Web.Domain.Messaging;

/// <summary>签名类型 as Alibaba Cloud has it: 验证码 or 通用.</summary>
public enum SignatureType
{
    VerificationCode,
    General,
}
