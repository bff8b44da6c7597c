namespace Qunfa.Web.Domain.Contacts;

/// <summary>
/// 联系人: one number of a customer's 通讯录, stored as the send path stores numbers (<c>PhoneNumberRules</c>), with
/// its custom fields as one JSON object of name → value (<see cref="Fields"/>) so that a million contacts with any
/// columns stay a million rows; the fields fill template variables of the same name.
/// </summary>
public sealed class Contact
{
    public const int MaxNameLength = 64;

    public long Id { get; set; }
    public int CustomerId { get; set; }
    public string Phone { get; set; } = "";
    /// <summary>The 姓名 / name field, kept apart as well so that the list can be searched by it.</summary>
    public string? Name { get; set; }
    public string? Fields { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A contact's place in a group.</summary>
public sealed class ContactGroupMember
{
    public int GroupId { get; set; }
    public long ContactId { get; set; }
}
