namespace Qunfa.Web.Domain.Customers;

/// <summary>Why a verification code is sent; each uses its own signature and template from AK 管理.</summary>
public enum CodeScene
{
    Register,
    ResetPassword,
    ChangePhone,
}
