using Qunfa.Aliyun.Manage;

namespace Qunfa.Aliyun.Tests.Client.Manage;

public sealed class ReviewStatusMapperTests
{
    [Theory]
    [InlineData("INIT", ReviewState.UnderReview)]
    [InlineData("INT", ReviewState.UnderReview)]
    [InlineData("PASS", ReviewState.Approved)]
    [InlineData("PASSED", ReviewState.Approved)]
    [InlineData("NOT_PASS", ReviewState.Rejected)]
    [InlineData("FAILED", ReviewState.Rejected)]
    [InlineData("NOT_FINISH", ReviewState.Pending)]
    [InlineData("CANCEL", ReviewState.Cancelled)]
    [InlineData("whatever", ReviewState.Unknown)]
    public void QualificationStates(string state, ReviewState expected) =>
        Assert.Equal(expected, ReviewStatusMapper.FromQualificationState(state, null).State);

    [Theory]
    [InlineData("AUDIT_STATE_INIT", ReviewState.UnderReview)]
    [InlineData("AUDIT_STATE_PASS", ReviewState.Approved)]
    [InlineData("AUDIT_STATE_NOT_PASS", ReviewState.Rejected)]
    [InlineData("AUDIT_STATE_CANCEL", ReviewState.Cancelled)]
    [InlineData("AUDIT_SATE_CANCEL", ReviewState.Cancelled)]
    public void ListAuditStatus(string status, ReviewState expected) =>
        Assert.Equal(expected, ReviewStatusMapper.FromAuditStatus(status, null).State);

    [Theory]
    [InlineData("approving", ReviewState.UnderReview)]
    [InlineData("approved", ReviewState.Approved)]
    [InlineData("rejected", ReviewState.Rejected)]
    public void ReportStatus(string status, ReviewState expected) =>
        Assert.Equal(expected, ReviewStatusMapper.FromReportStatus(status, null).State);

    [Fact]
    public void BlankReasonBecomesNull() => Assert.Null(ReviewStatusMapper.FromNumeric("2", " ").Reason);
}
