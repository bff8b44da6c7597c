using Qunfa.Web.Domain.Accounts;

namespace Qunfa.UnitTests;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("abc123")]
    [InlineData("abc!def")]
    [InlineData("123-456")]
    [InlineData("Passw0rd!")]
    [InlineData("a1b2c3d4e5f6g7h8i9")]
    public void Check_PasswordKeepingEveryRule_HasNoProblems(string password) =>
        Assert.Empty(PasswordPolicy.Check(password));

    [Theory]
    [InlineData("", PasswordPolicy.LengthMessage)]
    [InlineData("ab1", PasswordPolicy.LengthMessage)]
    [InlineData("a1b2c3d4e5f6g7h8i9j", PasswordPolicy.LengthMessage)]
    [InlineData("abc 123", PasswordPolicy.CharactersMessage)]
    [InlineData("abc123中", PasswordPolicy.CharactersMessage)]
    [InlineData("abcdefg", PasswordPolicy.VarietyMessage)]
    [InlineData("1234567", PasswordPolicy.VarietyMessage)]
    [InlineData("!@#$%^&", PasswordPolicy.VarietyMessage)]
    public void Check_PasswordBreakingARule_NamesThatRule(string password, string message) =>
        Assert.Contains(message, PasswordPolicy.Check(password));

    [Fact]
    public void Check_PasswordBreakingSeveralRules_NamesEach()
    {
        var problems = PasswordPolicy.Check("a b");
        Assert.Equal([PasswordPolicy.LengthMessage, PasswordPolicy.CharactersMessage, PasswordPolicy.VarietyMessage], problems);
    }
}
