using Qunfa.Web.Features.Sending.Recipients;

namespace Qunfa.UnitTests.Sending;

public sealed class PhoneNumberRulesTests
{
    [Theory]
    [InlineData("13800138000")]
    [InlineData(" 13800138000 ")]
    [InlineData("138-0013-8000")]
    [InlineData("138 0013 8000")]
    [InlineData("+8613800138000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("(+86)138-0013-8000")]
    [InlineData("008613800138000")]
    [InlineData("0086-138-0013-8000")]
    [InlineData("8613800138000")]
    [InlineData("86 138 0013 8000")]
    [InlineData("１３８００１３８０００")]
    public void MainlandForms_BecomeElevenDigits(string raw)
    {
        Assert.Equal("13800138000", PhoneNumberRules.Normalize(raw, international: false, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("19912345678")]
    [InlineData("16612345678")]
    [InlineData("17012345678")]
    [InlineData("14712345678")]
    public void OtherMobileSegments_AreValid(string raw) =>
        Assert.Equal(raw, PhoneNumberRules.Normalize(raw, international: false, out _));

    [Theory]
    [InlineData("010-12345678", RecipientMessages.NotMobile)]
    [InlineData("01012345678", RecipientMessages.NotMobile)]
    [InlineData("+86 21 6212 3456", RecipientMessages.NotMobile)]
    [InlineData("10086", RecipientMessages.InvalidFormat)]
    [InlineData("1380013800", RecipientMessages.InvalidFormat)]
    [InlineData("138001380001", RecipientMessages.InvalidFormat)]
    [InlineData("12012345678", RecipientMessages.InvalidFormat)]
    [InlineData("14012345678", RecipientMessages.InvalidFormat)]
    [InlineData("1380013800a", RecipientMessages.InvalidFormat)]
    [InlineData("138+00138000", RecipientMessages.InvalidFormat)]
    [InlineData("手机号", RecipientMessages.InvalidFormat)]
    [InlineData("123456789012345678901", RecipientMessages.InvalidFormat)]
    public void FixedLinesShortAndMalformedNumbers_AreInvalid(string raw, string reason)
    {
        Assert.Null(PhoneNumberRules.Normalize(raw, international: false, out var error));
        Assert.Equal(reason, error);
    }

    [Theory]
    [InlineData("+85291234567")]
    [InlineData("0085291234567")]
    [InlineData("+1 415 555 2671")]
    public void InternationalNumbers_AreRefused_WithADomesticTemplate(string raw)
    {
        Assert.Null(PhoneNumberRules.Normalize(raw, international: false, out var error));
        Assert.Equal(RecipientMessages.InternationalNeedsTemplate, error);
    }

    [Theory]
    [InlineData("+85291234567", "85291234567")]
    [InlineData("0085291234567", "85291234567")]
    [InlineData("85291234567", "85291234567")]
    [InlineData("+852 9123 4567", "85291234567")]
    [InlineData("+1 (415) 555-2671", "14155552671")]
    [InlineData("+886 912 345 678", "886912345678")]
    public void InternationalNumbers_WithAnInternationalTemplate_AreCountryCodePlusNumber(string raw, string expected) =>
        Assert.Equal(expected, PhoneNumberRules.Normalize(raw, international: true, out _));

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+8613800138000")]
    public void MainlandNumbers_AreRefused_WithAnInternationalTemplate(string raw)
    {
        Assert.Null(PhoneNumberRules.Normalize(raw, international: true, out var error));
        Assert.Equal(RecipientMessages.MainlandOnInternational, error);
    }

    [Fact]
    public void InternationalFixedLine_IsNotAMobile()
    {
        Assert.Null(PhoneNumberRules.Normalize("+852 2123 4567", international: true, out var error));
        Assert.Equal(RecipientMessages.NotMobile, error);
    }
}
