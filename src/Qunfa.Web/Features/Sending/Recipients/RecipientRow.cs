namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>One row of a recipient list as read, before any checking. LineNumber is the line or sheet row the user sees.</summary>
public sealed record RecipientRow(int LineNumber, string RawPhone, IReadOnlyDictionary<string, string>? Variables);

/// <summary>A whole-file refusal: reading stops and nothing of the file is accepted.</summary>
public sealed class RecipientFileException(string message) : Exception(message);
