namespace Qunfa.Web.Domain.Admins;

/// <summary>Stored by name; each has a readable label in the resources (AdminAction.{Name}).</summary>
public enum AdminAction
{
    Login,
    Logout,
    CompleteSetup,
    UpdatePortalProfile,
    UpdateCarrierAccount,
    UpdatePaymentSettings,
    EditCustomer,
    FreezeCustomer,
    UnfreezeCustomer,
    DeleteSignature,
    DeleteTemplate,
    AssignSignature,
    AssignTemplate,
    AddProduct,
    EditProduct,
    DeleteProduct,
    AllocateGrant,
    EditGrant,
    ChangeOrderPrice,
    PurgeOrders,
    ExportOrders,
    RebuildRollups,
    ExportSendRecords,
    ExportSendVolume,
}
