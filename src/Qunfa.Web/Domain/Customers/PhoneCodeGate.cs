namespace Qunfa.Web.Domain.Customers;

/// <summary>
/// One row per phone that has asked for a code: sending takes the phone's 60-second turn with a conditional
/// UPDATE of <see cref="LastSentAt"/>, so simultaneous requests cannot each send one.
/// </summary>
public sealed class PhoneCodeGate
{
    public string Phone { get; set; } = "";
    public DateTimeOffset? LastSentAt { get; set; }
}
