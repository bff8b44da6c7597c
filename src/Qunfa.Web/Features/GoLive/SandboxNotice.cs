namespace Qunfa.Web.Features.GoLive;

/// <summary>What the warning box on a page says: the carrier part, the payment part, or both (首页).</summary>
public sealed record SandboxNotice(SandboxUse Use, bool Carrier, bool Payment)
{
    public bool CarrierSandbox => Carrier && Use.CarrierIsSandbox;
    public bool CarrierMissing => Carrier && Use.CarrierMissing;
    public bool PaymentSandbox => Payment && Use.PaymentIsSandbox;
    public bool PaymentMissing => Payment && Use.PaymentMissing;
    public bool Any => CarrierSandbox || CarrierMissing || PaymentSandbox || PaymentMissing;
    /// <summary>Links to the settings pages, where the box is not on that page already.</summary>
    public bool Links => Carrier && Payment;
}
