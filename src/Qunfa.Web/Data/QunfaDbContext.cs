using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Qunfa.Web.Domain.Accounts;
using Qunfa.Web.Domain.Admins;
using Qunfa.Web.Domain.Api;
using Qunfa.Web.Domain.Contacts;
using Qunfa.Web.Domain.Customers;
using Qunfa.Web.Domain.Messaging;
using Qunfa.Web.Domain.Packages;
using Qunfa.Web.Domain.Replies;
using Qunfa.Web.Domain.Sending;
using Qunfa.Web.Domain.Settings;
using Qunfa.Web.Domain.Setup;
using Qunfa.Web.Domain.Statistics;
using Qunfa.Web.Domain.Webhooks;

namespace Qunfa.Web.Data;

/// <summary>
/// The one model. Each database provider has its own subclass so that its migrations live apart
/// (see docs/decisions/0002-one-context-per-provider.md).
/// </summary>
public abstract class QunfaDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Installation> Installations => Set<Installation>();
    public DbSet<AdminUser> AdminUsers => Set<AdminUser>();
    public DbSet<AdminLogEntry> AdminLog => Set<AdminLogEntry>();
    public DbSet<AdminRole> AdminRoles => Set<AdminRole>();
    public DbSet<AuthSession> AuthSessions => Set<AuthSession>();
    public DbSet<AdminRecoveryCode> AdminRecoveryCodes => Set<AdminRecoveryCode>();
    public DbSet<AdminSecuritySettings> AdminSecuritySettings => Set<AdminSecuritySettings>();
    public DbSet<PortalProfile> PortalProfiles => Set<PortalProfile>();
    public DbSet<CarrierAccount> CarrierAccounts => Set<CarrierAccount>();
    public DbSet<PaymentSettings> PaymentSettings => Set<PaymentSettings>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerMember> CustomerMembers => Set<CustomerMember>();
    public DbSet<VerificationCode> VerificationCodes => Set<VerificationCode>();
    public DbSet<PhoneCodeGate> PhoneCodeGates => Set<PhoneCodeGate>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<Template> Templates => Set<Template>();
    public DbSet<Qualification> Qualifications => Set<Qualification>();
    public DbSet<AuthorizationLetter> AuthorizationLetters => Set<AuthorizationLetter>();
    public DbSet<PackageProduct> PackageProducts => Set<PackageProduct>();
    public DbSet<PackageGrant> PackageGrants => Set<PackageGrant>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<SendTask> SendTasks => Set<SendTask>();
    public DbSet<SendRecord> SendRecords => Set<SendRecord>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ApiNonce> ApiNonces => Set<ApiNonce>();
    public DbSet<ApiSend> ApiSends => Set<ApiSend>();
    public DbSet<InboundReply> InboundReplies => Set<InboundReply>();
    public DbSet<OptOut> OptOuts => Set<OptOut>();
    public DbSet<ContactGroup> ContactGroups => Set<ContactGroup>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactGroupMember> ContactGroupMembers => Set<ContactGroupMember>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<PushEndpointSettings> PushEndpointSettings => Set<PushEndpointSettings>();
    public DbSet<SendRollup> SendRollups => Set<SendRollup>();
    public DbSet<MessagingDeletion> MessagingDeletions => Set<MessagingDeletion>();
    /// <summary>The Data Protection key ring every node shares (cookies, antiforgery, secrets at rest).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(QunfaDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Replace<Microsoft.EntityFrameworkCore.Metadata.Conventions.ForeignKeyIndexConvention>(services =>
            new UnindexedForeignKeys(services.GetRequiredService<Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure.ProviderConventionSetBuilderDependencies>()));
        configurationBuilder.Properties<WizardStep>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AdminAction>().HaveConversion<string>().HaveMaxLength(64);
        configurationBuilder.Properties<CarrierKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<CodeScene>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MemberRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MemberStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReviewStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SignatureType>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<TemplateType>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<Origin>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SmsCategory>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<GrantStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<GrantSource>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OrderStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<PaymentProtocol>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<SendTaskStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RecipientStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SendSource>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<WebhookDeliveryStatus>().HaveConversion<string>().HaveMaxLength(16);
    }
}
