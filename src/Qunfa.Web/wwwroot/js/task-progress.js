// 发送详情: while the task is not settled, ask for its counts by status and show them; once it settles,
// reload once so that the recipient list below shows the final statuses as well.
document.addEventListener('DOMContentLoaded', () => {
    const box = document.querySelector('[data-task-progress]');
    if (!box || box.dataset.settled === 'true') return;
    const bar = box.querySelector('[data-progress-bar]');
    const percent = box.querySelector('[data-progress-field=percent]');
    const setText = (selector, value) => document.querySelectorAll(selector).forEach(el => { el.textContent = value; });

    const poll = async () => {
        let p;
        try {
            const response = await fetch(box.dataset.taskProgress, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
            if (!response.ok) throw new Error(String(response.status));
            p = await response.json();
        } catch {
            setTimeout(poll, 5000);
            return;
        }
        for (const key of ['queued', 'submitted', 'delivered', 'failed', 'unknown', 'cancelled'])
            setText(`[data-progress-count=${key}]`, p[key]);
        setText('[data-progress-field=delivered]', p.delivered);
        setText('[data-progress-field=failed]', p.failed);
        setText('[data-progress-field=state]', p.state);
        const value = p.percent;
        if (bar) bar.value = value;
        if (percent) percent.textContent = value;
        if (p.settled) {
            box.dataset.settled = 'true';
            window.location.reload();
            return;
        }
        setTimeout(poll, 1500);
    };
    setTimeout(poll, 1000);
});
