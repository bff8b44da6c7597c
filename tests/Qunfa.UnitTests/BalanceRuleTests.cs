using Qunfa.Web.Domain.Packages;

namespace Qunfa.UnitTests;

public sealed class BalanceRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static PackageGrant Grant(int id, SmsCategory category, int size, int used = 0, int daysLeft = 30, GrantStatus status = GrantStatus.Active) =>
        new() { Id = id, Category = category, Size = size, Used = used, ExpiresOn = Today.AddDays(daysLeft), Status = status };

    [Fact]
    public void Plan_TakesOwnCategoryFirst_ThenGeneral()
    {
        var grants = new[] { Grant(1, SmsCategory.General, 100), Grant(2, SmsCategory.Notification, 30) };

        var plan = BalanceRule.Plan(grants, SmsCategory.Notification, 50, Today);

        Assert.Equal([new BalanceRule.Take(2, 30), new BalanceRule.Take(1, 20)], plan);
    }

    [Fact]
    public void Plan_WithinACategory_EarliestExpiryFirst()
    {
        var grants = new[] { Grant(1, SmsCategory.Promotion, 10, daysLeft: 90), Grant(2, SmsCategory.Promotion, 10, daysLeft: 5) };

        Assert.Equal([new BalanceRule.Take(2, 10), new BalanceRule.Take(1, 5)], BalanceRule.Plan(grants, SmsCategory.Promotion, 15, Today));
    }

    [Fact]
    public void Plan_NeverUsesAnotherSpecificCategory()
    {
        var grants = new[] { Grant(1, SmsCategory.Promotion, 1000) };

        Assert.Null(BalanceRule.Plan(grants, SmsCategory.VerificationCode, 1, Today));
    }

    [Theory]
    [InlineData(GrantStatus.Invalid)]
    [InlineData(GrantStatus.Frozen)]
    public void Plan_SkipsGrantsThatAreNotActive(GrantStatus status) =>
        Assert.Null(BalanceRule.Plan([Grant(1, SmsCategory.General, 100, status: status)], SmsCategory.General, 1, Today));

    [Fact]
    public void Plan_SkipsExpiredGrants_ButSpendsOnTheExpiryDayItself()
    {
        var grants = new[] { Grant(1, SmsCategory.General, 100, daysLeft: -1), Grant(2, SmsCategory.General, 5, daysLeft: 0) };

        Assert.Equal([new BalanceRule.Take(2, 5)], BalanceRule.Plan(grants, SmsCategory.General, 5, Today));
        Assert.Null(BalanceRule.Plan(grants, SmsCategory.General, 6, Today));
    }

    [Fact]
    public void Plan_TooLittleBalance_RefusesWhole()
    {
        var grants = new[] { Grant(1, SmsCategory.Notification, 10, used: 5), Grant(2, SmsCategory.General, 3) };

        Assert.Null(BalanceRule.Plan(grants, SmsCategory.Notification, 9, Today));
        Assert.Equal(8, BalanceRule.Available(grants, SmsCategory.Notification, Today));
    }

    [Fact]
    public void Plan_GeneralSend_UsesOnlyGeneral() =>
        Assert.Null(BalanceRule.Plan([Grant(1, SmsCategory.Notification, 10)], SmsCategory.General, 1, Today));

    [Fact]
    public void Plan_ZeroSegments_TakesNothing() =>
        Assert.Empty(BalanceRule.Plan([], SmsCategory.General, 0, Today)!);

    [Fact]
    public void Balance_IsRemainingOfActiveUnexpiredGrantsOfThatCategory()
    {
        var grants = new[]
        {
            Grant(1, SmsCategory.Notification, 100, used: 40),
            Grant(2, SmsCategory.Notification, 50, daysLeft: -3),
            Grant(3, SmsCategory.Notification, 70, status: GrantStatus.Frozen),
            Grant(4, SmsCategory.General, 1000),
        };

        Assert.Equal(60, BalanceRule.Balance(grants, SmsCategory.Notification, Today));
    }
}

public sealed class BalanceAllocationTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static PackageGrant Grant(int id, SmsCategory category, int size, int daysLeft = 30) =>
        new() { Id = id, Category = category, Size = size, ExpiresOn = Today.AddDays(daysLeft), Status = GrantStatus.Active };

    [Fact]
    public void Allocate_FillsTheEarliestGrantFirst_ThenGeneral()
    {
        var grants = new[] { Grant(1, SmsCategory.General, 10), Grant(2, SmsCategory.Notification, 4, daysLeft: 90), Grant(3, SmsCategory.Notification, 2, daysLeft: 5) };

        Assert.Equal([3, 3, 2, 2, 2, 2, 1], BalanceRule.Allocate(grants, SmsCategory.Notification, [1, 1, 1, 1, 1, 1, 1], Today)!);
    }

    [Fact]
    public void Allocate_NeverSplitsARecipientAcrossGrants()
    {
        var grants = new[] { Grant(1, SmsCategory.Promotion, 3), Grant(2, SmsCategory.Promotion, 5, daysLeft: 60) };

        // The 2-segment message does not fit the 1 left in grant 1, so grant 2 pays for it whole; the last 1 still fits grant 1.
        Assert.Equal([1, 2, 1], BalanceRule.Allocate(grants, SmsCategory.Promotion, [2, 2, 1], Today)!);
    }

    [Fact]
    public void Allocate_TooLittle_IsNull() =>
        Assert.Null(BalanceRule.Allocate([Grant(1, SmsCategory.General, 3)], SmsCategory.General, [2, 2], Today));

    [Fact]
    public void Allocate_ScalesToAMillionRecipients()
    {
        var grants = Enumerable.Range(1, 50).Select(i => Grant(i, SmsCategory.General, 40_000, daysLeft: i)).ToArray();
        var segments = Enumerable.Repeat(2, 1_000_000).ToArray();

        var paidBy = BalanceRule.Allocate(grants, SmsCategory.General, segments, Today);

        Assert.NotNull(paidBy);
        Assert.Equal(1, paidBy[0]);
        Assert.Equal(50, paidBy[^1]);
    }
}
