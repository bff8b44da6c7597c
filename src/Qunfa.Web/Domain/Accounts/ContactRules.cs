using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Qunfa.Web.Domain.Accounts;

public static partial class ContactRules
{
    public const string EmailMessage = "请输入有效的邮箱地址";
    public const string MobileMessage = "请输入有效的11位手机号码";
    public const string PhoneMessage = "请输入有效的电话号码";

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 100
        && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.');

    /// <summary>A mainland mobile number: the admin and customers log in with it and receive codes on it.</summary>
    public static bool IsMobile(string? value) => value is not null && MobilePattern().IsMatch(value);

    /// <summary>A contact phone shown on the portal: landline or mobile, digits with optional dashes and spaces.</summary>
    public static bool IsPhone(string? value) => value is not null && PhonePattern().IsMatch(value);

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    [GeneratedRegex(@"^\+?[0-9][0-9\- ]{4,28}[0-9]$")]
    private static partial Regex PhonePattern();
}
