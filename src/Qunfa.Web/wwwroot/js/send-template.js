// 发送短信: choosing another template shows that template's content and variable fields at once.
// Fields of the other templates sit in disabled fieldsets, so only the chosen template's values are posted.
document.addEventListener('DOMContentLoaded', () => {
    const select = document.querySelector('select[data-template-switch]');
    if (!select) return;
    const show = () => {
        document.querySelectorAll('[data-template-content]').forEach(el => {
            el.hidden = el.dataset.templateContent !== select.value;
        });
        document.querySelectorAll('fieldset[data-template-variables]').forEach(set => {
            const chosen = set.dataset.templateVariables === select.value;
            set.hidden = !chosen;
            set.disabled = !chosen;
        });
    };
    select.addEventListener('change', show);
    show();
});
