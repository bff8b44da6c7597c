// A background export's page: polls its status until the file is written, then offers the download.
document.addEventListener('DOMContentLoaded', () => {
    const box = document.querySelector('[data-export-status]');
    if (!box) return;
    const bar = box.querySelector('progress');
    const count = box.querySelector('[data-export-count]');
    const download = box.querySelector('[data-export-download]');
    const failed = box.querySelector('[data-export-failed]');
    const gone = box.querySelector('[data-export-gone]');
    const format = box.dataset.countFormat || '{0}/{1}';

    const poll = async () => {
        let status;
        try {
            const response = await fetch(box.dataset.exportStatus, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
            if (response.status === 404) { gone.hidden = false; return; }
            if (!response.ok) throw new Error(String(response.status));
            status = await response.json();
        } catch {
            setTimeout(poll, 3000);
            return;
        }
        bar.value = status.percent;
        count.textContent = format.replace('{0}', status.written).replace('{1}', status.total);
        if (status.state === 'done') {
            download.href = status.download;
            download.hidden = false;
        } else if (status.state === 'failed') {
            failed.hidden = false;
        } else {
            setTimeout(poll, 1000);
        }
    };
    poll();
});
