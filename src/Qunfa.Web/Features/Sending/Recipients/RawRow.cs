namespace Qunfa.Web.Features.Sending.Recipients;

/// <summary>The cells of one non-blank row of a file, before the header is understood.</summary>
internal readonly record struct RawRow(int LineNumber, string[] Cells);
