// 复制 beside a secret shown only once: copies the text of the element named by data-copy and says so.
// The button is hidden until this script runs, so a page without script never offers a button that does nothing.
document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('button[data-copy]').forEach(button => {
        const source = document.getElementById(button.dataset.copy);
        if (!source) return;
        const label = button.textContent;
        button.hidden = false;
        button.addEventListener('click', async () => {
            const text = source.textContent.trim();
            let copied = false;
            try {
                await navigator.clipboard.writeText(text);
                copied = true;
            } catch {
                const range = document.createRange();
                range.selectNodeContents(source);
                const selection = window.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                copied = document.execCommand('copy');
            }
            button.textContent = copied ? button.dataset.copied : label;
            setTimeout(() => { button.textContent = label; }, 2000);
        });
    });
});
