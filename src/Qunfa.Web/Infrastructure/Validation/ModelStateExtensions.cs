using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Qunfa.Web.Infrastructure.Validation;

public static class ModelStateExtensions
{
    /// <summary>Puts a use case's messages beside the fields of a page whose inputs are bound under <paramref name="prefix"/>.</summary>
    public static void AddOutcome(this ModelStateDictionary modelState, Outcome outcome, IStringLocalizer localizer, string prefix = "Input")
    {
        foreach (var (field, messages) in outcome.Errors)
            foreach (var message in messages)
                modelState.AddModelError(field.Length == 0 ? "" : $"{prefix}.{field}", localizer[message]);
    }
}
